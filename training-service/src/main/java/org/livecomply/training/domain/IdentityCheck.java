package org.livecomply.training.domain;

import java.time.Instant;

/** The check of a trainee's identity during a course (Art. 10 ¶1: nobody trains for someone else). */
public record IdentityCheck(Method method, String reference, Instant checkTime) {

    /** How the identity was checked. */
    public enum Method { FACE_MATCH, LIVENESS_AND_FACE_MATCH, IN_PERSON_INVIGILATION }
}
