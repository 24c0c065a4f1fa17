/**
 * The LiveComply Java SDK: call credentials ({@link org.livecomply.sdk.BearerToken}) and request-id
 * generation ({@link org.livecomply.sdk.RequestIdInterceptor}) for the generated stubs of livecomply-proto.
 */
package org.livecomply.sdk;
