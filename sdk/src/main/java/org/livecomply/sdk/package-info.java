/**
 * The LiveComply Java SDK: the client facade ({@link org.livecomply.sdk.LiveComplyClient}), call credentials
 * ({@link org.livecomply.sdk.BearerToken}) and request-id generation ({@link org.livecomply.sdk.RequestIdInterceptor})
 * for the generated stubs of livecomply-proto; the archive's offline verifier in {@link org.livecomply.sdk.archive};
 * and in-memory fakes of the five services for a platform's own tests in {@link org.livecomply.sdk.testing}.
 */
package org.livecomply.sdk;
