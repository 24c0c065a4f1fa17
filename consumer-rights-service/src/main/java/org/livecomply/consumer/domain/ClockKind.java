package org.livecomply.consumer.domain;

/** The published feedback deadlines (Art. 20; LEGAL.md C-2). */
public enum ClockKind { ACKNOWLEDGE, FIRST_RESPONSE, RESOLVE }
