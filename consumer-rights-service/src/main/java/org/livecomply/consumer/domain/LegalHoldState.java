package org.livecomply.consumer.domain;

/** The archive legal hold on a complained-about order's records (LEGAL.md A-1). */
public enum LegalHoldState { NONE, PLACING, ACTIVE, RELEASING, RELEASED, FAILED }
