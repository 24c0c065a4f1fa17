package org.livecomply.consumer.domain;

/** The state of a fact sent to another service through the outbox. */
public enum Delivery { NONE, PENDING, DONE, FAILED }
