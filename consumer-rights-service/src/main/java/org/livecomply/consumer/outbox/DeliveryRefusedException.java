package org.livecomply.consumer.outbox;

/** The receiver refused the event for good (it is malformed or names what does not exist): no retry. */
public class DeliveryRefusedException extends RuntimeException {

    public DeliveryRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
