package org.livecomply.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.livecomply.consumer.Complaints.complaint;
import static org.livecomply.consumer.Complaints.create;
import static org.livecomply.consumer.Complaints.requestId;
import static org.livecomply.testsupport.StatusDetails.badFields;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.livecomply.api.consumer.v1.ClueExport;
import org.livecomply.api.consumer.v1.Complaint;
import org.livecomply.api.consumer.v1.EscalateComplaintRequest;
import org.livecomply.api.consumer.v1.ExportRegulatorCluesRequest;
import org.livecomply.api.consumer.v1.GetComplaintRequest;
import org.livecomply.api.consumer.v1.GetRegulatorClueRequest;
import org.livecomply.api.consumer.v1.ListClueExportsRequest;
import org.livecomply.api.consumer.v1.ListRegulatorCluesRequest;
import org.livecomply.api.consumer.v1.RegulatorClue;
import org.livecomply.api.consumer.v1.ReportChunk;
import org.livecomply.api.consumer.v1.ReportFormat;

/**
 * Escalation to a regulator produces a clue (Art. 46; ECL Art. 29) and the clues of a period are exported as
 * CSV or JSON Lines with a manifest carrying the count and SHA-256, every export audit-logged.
 */
@MicronautTest(environments = "test")
class RegulatorClueIT extends ConsumerApiTest {

    private static final Instant PERIOD_START = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant PERIOD_END = Instant.parse("2026-11-29T00:00:00Z");

    @Inject
    JsonMapper json;

    private RegulatorClue escalate(String description, Instant at) {
        clock.set(at);
        Complaint filed = client.as(MANAGE).createComplaint(create(complaint().setDescription(description).setOrderId("order-9")
                .setRoom(Complaints.ROOM)));
        return client.as(MANAGE).escalateComplaint(EscalateComplaintRequest.newBuilder().setRequestId(requestId()).setName(filed.getName())
                .setRegulator("杭州市西湖区市场监督管理局").setReasons("疑似虚假宣传，涉及多名消费者").build());
    }

    @Test
    void anEscalationProducesAClueAndKeepsTheComplaintsHold() {
        RegulatorClue clue = escalate("主播称产品可治疗失眠", Instant.parse("2026-11-10T02:00:00Z"));
        assertTrue(clue.getName().startsWith("regulatorClues/"));
        assertEquals("order-9", clue.getOrderId());
        assertEquals("platform-test", clue.getEscalatedBy());
        Complaint escalated = client.as(READ).getComplaint(GetComplaintRequest.newBuilder().setName(clue.getComplaint()).build());
        assertEquals(Complaint.State.STATE_ESCALATED, escalated.getState());
        assertEquals(clue.getName(), escalated.getRegulatorClue());
        assertEquals(org.livecomply.api.consumer.v1.LegalHoldState.LEGAL_HOLD_STATE_PLACING, escalated.getLegalHold(),
                "an escalated complaint keeps its order's records held");
        assertEquals(clue, client.as(READ).getRegulatorClue(GetRegulatorClueRequest.newBuilder().setName(clue.getName()).build()));
        assertTrue(client.as(READ).listRegulatorClues(ListRegulatorCluesRequest.newBuilder().setPageSize(200).build()).getRegulatorCluesList()
                .contains(clue));
        StatusRuntimeException missing = assertThrows(StatusRuntimeException.class, () -> client.as(READ).getRegulatorClue(
                GetRegulatorClueRequest.newBuilder().setName("regulatorClues/00000000-0000-4000-8000-000000000000").build()));
        assertEquals(Status.Code.NOT_FOUND, missing.getStatus().getCode());
    }

    @Test
    void thePeriodsCluesAreExportedWithAManifestAndTheExportIsAudited() throws Exception {
        RegulatorClue inside = escalate("=HYPERLINK(\"http://evil\") 主播宣称\"纯天然\"", Instant.parse("2026-11-15T02:00:00Z"));
        escalate("在期间之外", Instant.parse("2026-10-15T02:00:00Z"));
        clock.set(Instant.parse("2026-11-29T02:00:00Z"));

        Map<String, byte[]> csv = export(ReportFormat.REPORT_FORMAT_CSV);
        assertEquals(List.of("regulator_clues.csv", "manifest.json"), List.copyOf(csv.keySet()));
        String text = new String(csv.get("regulator_clues.csv"), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("clue,complaint,create_time,regulator,reasons,category,"), text);
        assertTrue(text.contains(inside.getName()));
        assertTrue(text.contains("\"'=HYPERLINK(\"\"http://evil\"\") 主播宣称\"\"纯天然\"\"\""), "formula guard and RFC 4180 quoting: " + text);
        assertTrue(!text.contains("在期间之外"), "a clue outside the period is not exported");
        JsonNode manifest = json.readValue(csv.get("manifest.json"), JsonNode.class);
        JsonNode file = manifest.get("files").get(0);
        assertEquals(sha256(csv.get("regulator_clues.csv")), file.get("sha256").getStringValue());
        long count = file.get("record_count").getLongValue();
        assertEquals(text.split("\r\n").length - 1, count);
        assertTrue(manifest.get("legal_basis").getStringValue().contains("Art. 46"));

        Map<String, byte[]> lines = export(ReportFormat.REPORT_FORMAT_JSON_LINES);
        String jsonl = new String(lines.get("regulator_clues.jsonl"), StandardCharsets.UTF_8);
        assertEquals(count, jsonl.lines().count());
        JsonNode first = json.readValue(jsonl.lines().filter(l -> l.contains(inside.getName())).findFirst().orElseThrow(), JsonNode.class);
        assertEquals("=HYPERLINK(\"http://evil\") 主播宣称\"纯天然\"", first.get("complaint_description").getStringValue(), "machine input as it is");

        List<ClueExport> audits = client.reportsAs(EXPORT).listClueExports(ListClueExportsRequest.getDefaultInstance()).getClueExportsList();
        assertEquals(ReportFormat.REPORT_FORMAT_JSON_LINES, audits.get(0).getFormat());
        assertEquals(count, audits.get(0).getClueCount());
        assertEquals("platform-test", audits.get(0).getExportedBy());
    }

    @Test
    void badPeriodsAreRefusedAndTheExportNeedsItsScope() {
        StatusRuntimeException future = assertThrows(StatusRuntimeException.class, () -> drain(client.reportsAs(EXPORT).exportRegulatorClues(
                ExportRegulatorCluesRequest.newBuilder().setStartTime(ts(PERIOD_START)).setEndTime(ts(TestClock.NOW.plusSeconds(3600)))
                        .setFormat(ReportFormat.REPORT_FORMAT_CSV).build())));
        assertEquals(List.of("end_time"), badFields(future));
        StatusRuntimeException empty = assertThrows(StatusRuntimeException.class, () -> drain(client.reportsAs(EXPORT).exportRegulatorClues(
                ExportRegulatorCluesRequest.getDefaultInstance())));
        assertEquals(List.of("start_time", "end_time", "format"), badFields(empty));
        StatusRuntimeException reversed = assertThrows(StatusRuntimeException.class, () -> drain(client.reportsAs(EXPORT).exportRegulatorClues(
                ExportRegulatorCluesRequest.newBuilder().setStartTime(ts(PERIOD_END)).setEndTime(ts(PERIOD_START))
                        .setFormat(ReportFormat.REPORT_FORMAT_CSV).build())));
        assertEquals(List.of("end_time"), badFields(reversed));
        StatusRuntimeException reader = assertThrows(StatusRuntimeException.class, () -> drain(client.reportsAs(READ).exportRegulatorClues(
                ExportRegulatorCluesRequest.newBuilder().setStartTime(ts(PERIOD_START)).setEndTime(ts(PERIOD_END))
                        .setFormat(ReportFormat.REPORT_FORMAT_CSV).build())));
        assertEquals(Status.Code.PERMISSION_DENIED, reader.getStatus().getCode());
    }

    private Map<String, byte[]> export(ReportFormat format) throws Exception {
        Map<String, ByteArrayOutputStream> files = new LinkedHashMap<>();
        Iterator<ReportChunk> chunks = client.reportsAs(EXPORT).exportRegulatorClues(ExportRegulatorCluesRequest.newBuilder()
                .setStartTime(ts(PERIOD_START)).setEndTime(ts(PERIOD_END)).setFormat(format).build());
        while (chunks.hasNext()) {
            ReportChunk chunk = chunks.next();
            chunk.getData().writeTo(files.computeIfAbsent(chunk.getFileName(), f -> new ByteArrayOutputStream()));
        }
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        files.forEach((name, out) -> bytes.put(name, out.toByteArray()));
        return bytes;
    }

    private static void drain(Iterator<ReportChunk> chunks) {
        while (chunks.hasNext()) {
            chunks.next();
        }
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.newBuilder().setSeconds(at.getEpochSecond()).build();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
