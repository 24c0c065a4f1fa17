package org.livecomply.consumer.client;

import jakarta.inject.Singleton;
import org.livecomply.api.identity.v1.DiscloseSellerInformationRequest;
import org.livecomply.api.identity.v1.DisclosurePurpose;
import org.livecomply.api.identity.v1.IdentityServiceGrpc;
import org.livecomply.api.identity.v1.SellerInformation;
import org.livecomply.commons.client.DependencyCalls;
import org.livecomply.commons.client.ServiceClients;

/** identity-service as consumer-rights uses it (scope identity.pii.read: every disclosure is audit-logged there). */
@Singleton
public class IdentityClient {

    public static final String DEPENDENCY = "identity";

    private final ServiceClients clients;

    public IdentityClient(ServiceClients clients) {
        this.clients = clients;
    }

    /** Art. 18: the seller's information for a consumer dispute, the complaint number as case reference. */
    public SellerInformation discloseForDispute(String roomOperator, String marketer, String complaintNumber) {
        DiscloseSellerInformationRequest request = DiscloseSellerInformationRequest.newBuilder()
                .setRoomOperator(roomOperator).setMarketer(marketer == null ? "" : marketer)
                .setPurpose(DisclosurePurpose.DISCLOSURE_PURPOSE_CONSUMER_DISPUTE).setCaseReference(complaintNumber).build();
        return DependencyCalls.call(DEPENDENCY, () -> clients.stub(DEPENDENCY, IdentityServiceGrpc::newBlockingStub).discloseSellerInformation(request));
    }
}
