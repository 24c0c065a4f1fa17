package org.livecomply.consumer.domain;

/** Goods CRPL Art. 25 ¶2 excludes from the 7-day no-reason return. */
public enum ReturnException { CUSTOM_MADE, PERISHABLE, OPENED_DIGITAL, NEWSPAPERS_PERIODICALS, CONFIRMED_NON_RETURNABLE }
