/**
 * In-memory fakes of the five LiveComply services for a platform's own tests: {@link org.livecomply.sdk.testing.LiveComplyFakes}
 * starts them behind an in-process gRPC server and hands out a {@link org.livecomply.sdk.LiveComplyClient} for them; no
 * database, network or process is needed.
 * <pre>{@code
 * try (LiveComplyFakes fakes = LiveComplyFakes.start()) {
 *     LiveComplyClient livecomply = fakes.client();
 *     RoomOperator operator = livecomply.identity().createRoomOperator(...);   // checked as identity-service checks it
 *     fakes.identity().markVerified(operator.getName());                     // the verification provider's answer
 *     fakes.training().markTrained(marketer.getName());                      // pre-service and this year's courses passed
 *     GoLiveDecision decision = livecomply.roomGrading().checkGoLiveEligibility(...);   // the real reason codes
 * }
 * }</pre>
 * What is faked, per service (every other RPC answers UNIMPLEMENTED with reason {@code NOT_FAKED}, naming the fake):
 * <ul>
 *   <li>identity ({@link org.livecomply.sdk.testing.FakeIdentity}): CreateRoomOperator, GetRoomOperator, ListRoomOperators,
 *       CreateMarketer, GetMarketer, ListMarketers, RecordGuardianConsent, RecordVerification, ListVerifications,
 *       SubmitSessionRoster, GetSessionRoster; test controls markVerified, markVerificationFailed, suspend, reinstate;</li>
 *   <li>training ({@link org.livecomply.sdk.testing.FakeTraining}): GetTrainingStatus, BatchGetTrainingStatuses,
 *       GetTrainingRules; test controls publishCourse, markCoursePassed, markTrained;</li>
 *   <li>room-grading ({@link org.livecomply.sdk.testing.FakeRoomGrading}): CreateRoom, GetRoom, ListRooms, RecordViolation,
 *       GetViolation, ListViolations, RecordVerifiedComplaint, CheckGoLiveEligibility (no grades, no disposals);</li>
 *   <li>archive ({@link org.livecomply.sdk.testing.FakeArchive}): AppendRecord, AppendRecords, GetRecord, ListRecords,
 *       GetCheckpoint, GetPublicKey, GetInclusionProof, GetConsistencyProof, ExportEvidence, with proofs and Ed25519-signed
 *       checkpoints the SDK's verifier ({@link org.livecomply.sdk.archive}) accepts;</li>
 *   <li>consumer-rights ({@link org.livecomply.sdk.testing.FakeConsumerRights}): CreateComplaint, GetComplaint,
 *       ListComplaints, ListComplaintEvents, AcknowledgeComplaint, RespondToComplaint, PauseComplaint, ResumeComplaint,
 *       ResolveComplaint, RejectComplaint, with the deadline clocks on the PRC working-day calendar.</li>
 * </ul>
 * Bad input answers INVALID_ARGUMENT with a {@code google.rpc.BadRequest} naming each field, as the services do; unknown
 * names NOT_FOUND; a repeated request_id answers the first result, and the same request_id with another request
 * {@code REQUEST_ID_REUSED}. The fakes hold the platform rules' defaults of the services (e.g. re-verification every 6
 * months, complaint deadlines 1/3/7 working days) and do not check tokens or scopes.
 */
package org.livecomply.sdk.testing;
