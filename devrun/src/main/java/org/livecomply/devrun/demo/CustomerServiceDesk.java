package org.livecomply.devrun.demo;

import static org.livecomply.devrun.demo.DemoFailure.expect;

import java.time.Duration;
import java.time.Instant;
import org.livecomply.api.consumer.v1.AcknowledgeComplaintRequest;
import org.livecomply.api.consumer.v1.Complaint;
import org.livecomply.api.consumer.v1.Delivery;
import org.livecomply.api.consumer.v1.GetComplaintRequest;
import org.livecomply.api.consumer.v1.ResolveComplaintRequest;
import org.livecomply.api.consumer.v1.RespondToComplaintRequest;
import org.livecomply.sdk.LiveComplyClient;

/** The platform's customer service working complaints through consumer-rights' published process (Art. 20). */
final class CustomerServiceDesk {

    private static final Duration OUTBOX_WAIT = Duration.ofSeconds(90);

    private final LiveComplyClient client;

    CustomerServiceDesk(LiveComplyClient client) {
        this.client = client;
    }

    Complaint get(String name) {
        return client.consumerRights().getComplaint(GetComplaintRequest.newBuilder().setName(name).build());
    }

    /** Acknowledges, answers and resolves a complaint about its room found substantiated: a verified complaint (Art. 20 ¶3). */
    Complaint resolveSubstantiated(String name, String resolution) {
        return resolveSubstantiated(name, resolution, "");
    }

    /**
     * As {@link #resolveSubstantiated(String, String)}, naming the room ({@code rooms/{room}}) of a complaint that names
     * none, as a consumer's on the public intake: the verified complaint counts against it.
     */
    Complaint resolveSubstantiated(String name, String resolution, String room) {
        client.consumerRights().acknowledgeComplaint(AcknowledgeComplaintRequest.newBuilder().setName(name).setNote("已收到，正在核实。").build());
        client.consumerRights().respondToComplaint(RespondToComplaintRequest.newBuilder().setName(name)
                .setNote("已调取订单记录与直播回放，正在与商家核实。").build());
        Complaint resolved = client.consumerRights().resolveComplaint(ResolveComplaintRequest.newBuilder().setName(name)
                .setResolution(resolution).setSubstantiated(true).setRoom(room).build());
        expect(resolved.getState() == Complaint.State.STATE_RESOLVED && resolved.getSubstantiated(),
                name + " should be resolved as substantiated: " + resolved.getState());
        expect(room.isEmpty() || resolved.getRoom().equals(room), name + " should now name " + room + ": " + resolved.getRoom());
        expect(resolved.getGradingSignal() == Delivery.DELIVERY_PENDING, name + " should be queued for room-grading: " + resolved.getGradingSignal());
        return resolved;
    }

    /** Waits until consumer-rights' outbox has delivered the verified complaint to room-grading. */
    Complaint awaitGradingSignal(String name) {
        Instant deadline = Instant.now().plus(OUTBOX_WAIT);
        while (true) {
            Complaint complaint = get(name);
            if (complaint.getGradingSignal() == Delivery.DELIVERY_DONE) {
                return complaint;
            }
            expect(complaint.getGradingSignal() != Delivery.DELIVERY_FAILED, "room-grading refused the verified complaint " + name);
            expect(complaint.getGradingSignal() == Delivery.DELIVERY_PENDING, name + " was not queued for room-grading: " + complaint.getGradingSignal());
            expect(Instant.now().isBefore(deadline), "consumer-rights did not deliver " + name + " to room-grading within "
                    + OUTBOX_WAIT.toSeconds() + " s");
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DemoFailure("interrupted", e);
            }
        }
    }
}
