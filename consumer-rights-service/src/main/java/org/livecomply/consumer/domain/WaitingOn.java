package org.livecomply.consumer.domain;

/** The party a paused complaint waits for. */
public enum WaitingOn { CONSUMER, MERCHANT }
