package org.livecomply.training.domain;

/** A person or organisation that is trained: an identity-service resource ({@code marketers/{id}}, ...). */
public record Subject(Audience audience, String id) {

    public String name() {
        return audience.collection() + id;
    }

    @Override
    public String toString() {
        return name();
    }
}
