package org.livecomply.consumer.domain;

/** What the consumer asks for (CRPL Arts. 24, 25, 55). */
public enum Remedy { REFUND, RETURN, REPLACEMENT, REPAIR, COMPENSATION, OTHER }
