package org.livecomply.grading.domain.gate;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the gate learned for one request. A null {@code operator}, a null {@code rosterSubmitted}, or a
 * marketer missing from {@code marketers} or {@code training} means that dependency did not answer the
 * question (it is then named in {@code unavailable}); an operator or marketer whose state is null was
 * answered "not registered".
 *
 * @param rosterMarketers the roster's marketers (meaningful when {@code rosterSubmitted} is true)
 * @param roomMeasures local measures in force that keep the room or this session off the air
 * @param marketerMeasures local blacklists, bans and suspensions in force, per marketer name
 * @param unavailable dependencies that did not answer, in the order they were found
 */
public record GateFacts(String roomName, String sessionId, List<String> requestedMarketers, OperatorStatus operator, Boolean rosterSubmitted,
                        Set<String> rosterMarketers, Map<String, MarketerStatus> marketers, Map<String, TrainingStanding> training,
                        List<GoLiveReason> roomMeasures, Map<String, List<GoLiveReason>> marketerMeasures, List<String> unavailable) {
}
