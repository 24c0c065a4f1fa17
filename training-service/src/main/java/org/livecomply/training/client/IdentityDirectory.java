package org.livecomply.training.client;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.livecomply.api.identity.v1.GetMarketerRequest;
import org.livecomply.api.identity.v1.GetMcnInstitutionRequest;
import org.livecomply.api.identity.v1.GetRoomOperatorRequest;
import org.livecomply.api.identity.v1.IdentityServiceGrpc;
import org.livecomply.api.identity.v1.IdentityServiceGrpc.IdentityServiceBlockingStub;
import org.livecomply.api.identity.v1.ListMarketersRequest;
import org.livecomply.api.identity.v1.ListMcnInstitutionsRequest;
import org.livecomply.api.identity.v1.ListRoomOperatorsRequest;
import org.livecomply.commons.client.DependencyCalls;
import org.livecomply.commons.client.ServiceClients;
import org.livecomply.commons.error.DependencyUnavailableException;
import org.livecomply.commons.error.NotFoundException;
import org.livecomply.training.domain.Audience;
import org.livecomply.training.domain.Subject;

/**
 * What identity-service knows about the subjects training is about: whether one exists (asked before
 * anything about it is stored), and who is registered (for listings and reports over every subject).
 * Identity not answering, or answering anything but the subject's data or NOT_FOUND, is
 * {@link DependencyUnavailableException}: UNAVAILABLE {@code DEPENDENCY_UNAVAILABLE} to our caller.
 */
@Singleton
public class IdentityDirectory {

    public static final String DEPENDENCY = "identity";
    public static final String SUBJECT_NOT_FOUND = "SUBJECT_NOT_FOUND";

    private final ServiceClients clients;

    public IdentityDirectory(ServiceClients clients) {
        this.clients = clients;
    }

    /** A subject as identity registered it: when, and for a marketer its MCN ({@code mcnInstitutions/{id}} or empty). */
    public record KnownSubject(Subject subject, Instant createTime, String mcnInstitution) {
    }

    /** One page of identity's registrations, oldest first, and the identity token of the next page ("" at the end). */
    public record SubjectPage(List<KnownSubject> subjects, String nextPageToken) {

        public SubjectPage {
            subjects = List.copyOf(subjects);
        }
    }

    /** The subject, or NOT_FOUND {@value #SUBJECT_NOT_FOUND} when identity does not know it. */
    public KnownSubject require(Subject subject) {
        return find(subject).orElseThrow(() -> new NotFoundException(SUBJECT_NOT_FOUND, subject.name()));
    }

    public Optional<KnownSubject> find(Subject subject) {
        try {
            return Optional.of(call(() -> switch (subject.audience()) {
                case MARKETER -> {
                    var marketer = identity().getMarketer(GetMarketerRequest.newBuilder().setName(subject.name()).build());
                    yield new KnownSubject(subject, instant(marketer.getCreateTime()), marketer.getMcnInstitution());
                }
                case ROOM_OPERATOR -> new KnownSubject(subject, instant(identity().getRoomOperator(
                        GetRoomOperatorRequest.newBuilder().setName(subject.name()).build()).getCreateTime()), "");
                case MCN -> new KnownSubject(subject, instant(identity().getMcnInstitution(
                        GetMcnInstitutionRequest.newBuilder().setName(subject.name()).build()).getCreateTime()), "");
            }));
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return Optional.empty();
            }
            throw new DependencyUnavailableException(DEPENDENCY, e);
        }
    }

    /** Registered subjects of {@code audience} in identity's order, resuming after identity's {@code pageToken}. */
    public SubjectPage page(Audience audience, String pageToken, int pageSize) {
        try {
            return call(() -> switch (audience) {
                case MARKETER -> {
                    var page = identity().listMarketers(ListMarketersRequest.newBuilder().setPageSize(pageSize).setPageToken(pageToken).build());
                    yield new SubjectPage(page.getMarketersList().stream().map(m -> new KnownSubject(subject(audience, m.getName()),
                            instant(m.getCreateTime()), m.getMcnInstitution())).toList(), page.getNextPageToken());
                }
                case ROOM_OPERATOR -> {
                    var page = identity().listRoomOperators(ListRoomOperatorsRequest.newBuilder().setPageSize(pageSize)
                            .setPageToken(pageToken).build());
                    yield new SubjectPage(page.getRoomOperatorsList().stream().map(o -> new KnownSubject(subject(audience, o.getName()),
                            instant(o.getCreateTime()), "")).toList(), page.getNextPageToken());
                }
                case MCN -> {
                    var page = identity().listMcnInstitutions(ListMcnInstitutionsRequest.newBuilder().setPageSize(pageSize)
                            .setPageToken(pageToken).build());
                    yield new SubjectPage(page.getMcnInstitutionsList().stream().map(m -> new KnownSubject(subject(audience, m.getName()),
                            instant(m.getCreateTime()), "")).toList(), page.getNextPageToken());
                }
            });
        } catch (StatusRuntimeException e) {
            // Our own page tokens wrap identity's, so a refusal here is identity's fault, not the caller's.
            throw new DependencyUnavailableException(DEPENDENCY, e);
        }
    }

    private <T> T call(Supplier<T> call) {
        return DependencyCalls.call(DEPENDENCY, call);
    }

    private IdentityServiceBlockingStub identity() {
        return clients.stub(DEPENDENCY, IdentityServiceGrpc::newBlockingStub);
    }

    private static Subject subject(Audience audience, String name) {
        return new Subject(audience, name.substring(audience.collection().length()));
    }

    private static Instant instant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }
}
