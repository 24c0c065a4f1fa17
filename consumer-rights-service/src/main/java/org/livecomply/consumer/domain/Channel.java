package org.livecomply.consumer.domain;

/** Where a complaint came from. */
public enum Channel { WEB_FORM, HTTP_API, PLATFORM, ROOM_DISPOSAL }
