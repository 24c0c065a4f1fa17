package org.livecomply.consumer.service;

import java.io.IOException;
import java.io.OutputStream;

/** Where export files go (a gRPC stream, a folder). Files are opened one at a time, in order, and closed by the caller. */
public interface ReportSink {

    OutputStream open(String fileName) throws IOException;
}
