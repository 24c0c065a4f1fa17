package org.livecomply.grading.domain.gate;

/** What training-service says about a marketer's training (Art. 10 ¶1) at check time. */
public record TrainingStanding(String marketer, boolean preServiceComplete, boolean annualCurrent) {
}
