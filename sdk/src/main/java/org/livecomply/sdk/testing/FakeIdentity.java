package org.livecomply.sdk.testing;

import io.grpc.BindableService;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.livecomply.api.identity.v1.AdministrativeLicence;
import org.livecomply.api.identity.v1.CreateMarketerRequest;
import org.livecomply.api.identity.v1.CreateRoomOperatorRequest;
import org.livecomply.api.identity.v1.GetMarketerRequest;
import org.livecomply.api.identity.v1.GetRoomOperatorRequest;
import org.livecomply.api.identity.v1.GetSessionRosterRequest;
import org.livecomply.api.identity.v1.GuardianConsent;
import org.livecomply.api.identity.v1.IdentityServiceGrpc;
import org.livecomply.api.identity.v1.ListMarketersRequest;
import org.livecomply.api.identity.v1.ListMarketersResponse;
import org.livecomply.api.identity.v1.ListRoomOperatorsRequest;
import org.livecomply.api.identity.v1.ListRoomOperatorsResponse;
import org.livecomply.api.identity.v1.ListVerificationsRequest;
import org.livecomply.api.identity.v1.ListVerificationsResponse;
import org.livecomply.api.identity.v1.Marketer;
import org.livecomply.api.identity.v1.Qualification;
import org.livecomply.api.identity.v1.RecordGuardianConsentRequest;
import org.livecomply.api.identity.v1.RecordVerificationRequest;
import org.livecomply.api.identity.v1.RoomOperator;
import org.livecomply.api.identity.v1.SessionRoster;
import org.livecomply.api.identity.v1.SubmitSessionRosterRequest;
import org.livecomply.api.identity.v1.Verification;
import org.livecomply.api.type.v1.Contact;
import org.livecomply.api.type.v1.PostalAddress;

/**
 * The identity-service fake: room operators and marketers (Art. 8), their verifications, guardian consents
 * (MPL Art. 76) and session rosters (Art. 28), checked and refused as identity-service does. Real verification
 * goes to third-party providers; a test says the outcome with {@link #markVerified}, {@link #markVerificationFailed}
 * (both append a verification as RecordVerification does), {@link #suspend} and {@link #reinstate}.
 * <p>
 * Faked RPCs: CreateRoomOperator, GetRoomOperator, ListRoomOperators, CreateMarketer, GetMarketer, ListMarketers,
 * RecordGuardianConsent, RecordVerification, ListVerifications, SubmitSessionRoster, GetSessionRoster. The
 * platform rules are identity's defaults: re-verification every 6 months with a 30-day reminder, a marketer's
 * check valid 30 days for a roster. Not faked: updates and revisions, MCNs (a marketer naming one is refused as
 * its MCN is not found), blacklist entries, disclosures, disclosure changes, unreachable notices, income
 * statements, reports.
 */
public final class FakeIdentity {

    static final String DOMAIN = Refusals.domain("identity");
    static final String OPERATORS = "roomOperators/";
    static final String MARKETERS = "marketers/";
    private static final String MCNS = "mcnInstitutions/";
    private static final Period REVERIFICATION_PERIOD = Period.ofMonths(6);
    private static final Duration REMINDER_LEAD = Duration.ofDays(30);
    private static final Duration MARKETER_VALIDITY = Duration.ofDays(30);
    private static final Duration VERIFICATION_MAX_AGE = Duration.ofDays(30);
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final Period ROSTER_RETENTION = Period.ofYears(3);
    private static final int MINIMUM_AGE = 16;
    private static final int ADULT = 18;
    private static final int MAX_CERTIFICATES = 20;
    private static final int MAX_LIVE_ACCOUNTS = 20;
    private static final int MAX_ROSTER_MARKETERS = 50;
    private static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern REGION = Pattern.compile("[A-Z]{2}");
    private static final Pattern POSTAL_CODE = Pattern.compile("[0-9]{6}");
    private static final Pattern PHONE = Pattern.compile("1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,63}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    /** The lifecycle as stored; a room operator's due and overdue states are derived from its deadline when read. */
    private enum Stored { PENDING_VERIFICATION, VERIFIED, VERIFICATION_FAILED, SUSPENDED }

    private abstract static class Subject {
        final String id;
        final long seq;
        final Instant createTime;
        Instant updateTime;
        Stored state = Stored.PENDING_VERIFICATION;
        Instant lastVerifyTime;
        final List<Verification> verifications = new ArrayList<>();

        Subject(String id, long seq, Instant now) {
            this.id = id;
            this.seq = seq;
            this.createTime = now;
            this.updateTime = now;
        }

        abstract String name();
    }

    private static final class Operator extends Subject {
        final RoomOperator shown;
        final String identity;
        Instant reverificationDue;
        final Map<String, SessionRoster> rosters = new LinkedHashMap<>();

        Operator(String id, long seq, Instant now, RoomOperator shown, String identity) {
            super(id, seq, now);
            this.shown = shown;
            this.identity = identity;
        }

        @Override
        String name() {
            return OPERATORS + id;
        }
    }

    private static final class MarketerRecord extends Subject {
        final Marketer shown;
        final String idNumber;
        final LocalDate birthDate;
        GuardianConsent consent;

        MarketerRecord(String id, long seq, Instant now, Marketer shown, String idNumber, LocalDate birthDate) {
            super(id, seq, now);
            this.shown = shown;
            this.idNumber = idNumber;
            this.birthDate = birthDate;
        }

        @Override
        String name() {
            return MARKETERS + id;
        }
    }

    private final FakeContext context;
    private final Idempotency idempotency = new Idempotency();
    private final PageTokens pageTokens = new PageTokens();
    private final Map<String, Operator> operators = new LinkedHashMap<>();
    private final Map<String, MarketerRecord> marketers = new LinkedHashMap<>();
    private long sequence;

    FakeIdentity(FakeContext context) {
        this.context = context;
    }

    BindableService service() {
        return new Endpoint();
    }

    // ---- test controls ----

    /** The outcome of a real-identity check of a third-party provider: appends a passed verification now, as RecordVerification does. */
    public void markVerified(String subject) {
        control(subject, true);
    }

    /** Appends a failed verification now (Art. 8 ¶3: the identity did not match). */
    public void markVerificationFailed(String subject) {
        control(subject, false);
    }

    /** Suspends a room operator or marketer, as a disposal does (Art. 12 ¶1); verifications no longer move its state. */
    public void suspend(String subject) {
        context.locked(() -> {
            Subject found = requireSubject(subject);
            found.state = Stored.SUSPENDED;
            found.updateTime = Protos.micros(context.now());
        });
    }

    /** Lifts a suspension: the state follows the subject's latest verification again. */
    public void reinstate(String subject) {
        context.locked(() -> {
            Subject found = requireSubject(subject);
            if (found.state == Stored.SUSPENDED) {
                Optional<Verification> latest = found.verifications.stream()
                        .max((a, b) -> Protos.instant(a.getVerifyTime()).compareTo(Protos.instant(b.getVerifyTime())));
                found.state = latest.map(v -> v.getResult() == Verification.Result.RESULT_PASSED ? Stored.VERIFIED : Stored.VERIFICATION_FAILED)
                        .orElse(Stored.PENDING_VERIFICATION);
                found.updateTime = Protos.micros(context.now());
            }
        });
    }

    private void control(String subject, boolean passed) {
        context.locked(() -> {
            Subject found = requireSubject(subject);
            Instant now = context.now();
            record(found, Verification.newBuilder().setMethod(Verification.Method.METHOD_MANUAL_DOCUMENT_REVIEW)
                    .setProvider("livecomply-fakes").setProviderReference("fake-" + UUID.randomUUID())
                    .setResult(passed ? Verification.Result.RESULT_PASSED : Verification.Result.RESULT_FAILED)
                    .setVerifyTime(Protos.timestamp(now)).build(), CallGuard.DEFAULT_SUBJECT);
        });
    }

    private Subject requireSubject(String name) {
        Subject found = name == null ? null : name.startsWith(OPERATORS) ? operators.get(name.substring(OPERATORS.length()))
                : name.startsWith(MARKETERS) ? marketers.get(name.substring(MARKETERS.length())) : null;
        if (found == null) {
            throw new IllegalArgumentException("the identity fake holds no room operator or marketer named " + name);
        }
        return found;
    }

    // ---- what the go-live gate asks (under the context lock) ----

    RoomOperator roomOperator(String name) {
        Operator found = name.startsWith(OPERATORS) ? operators.get(name.substring(OPERATORS.length())) : null;
        return found == null ? null : render(found, context.now());
    }

    Marketer marketer(String name) {
        MarketerRecord found = name.startsWith(MARKETERS) ? marketers.get(name.substring(MARKETERS.length())) : null;
        return found == null ? null : render(found);
    }

    SessionRoster roster(String operatorName, String sessionId) {
        Operator found = operatorName.startsWith(OPERATORS) ? operators.get(operatorName.substring(OPERATORS.length())) : null;
        return found == null ? null : found.rosters.get(sessionId);
    }

    // ---- rendering ----

    private RoomOperator render(Operator operator, Instant now) {
        RoomOperator.Builder proto = operator.shown.toBuilder().setState(effective(operator, now))
                .setCreateTime(Protos.timestamp(operator.createTime)).setUpdateTime(Protos.timestamp(operator.updateTime));
        if (operator.lastVerifyTime != null) {
            proto.setLastVerifyTime(Protos.timestamp(operator.lastVerifyTime));
        }
        if (operator.reverificationDue != null) {
            proto.setReverificationDueTime(Protos.timestamp(operator.reverificationDue));
        }
        return proto.build();
    }

    /** Due and overdue follow from the deadline at the time of reading (Art. 8 ¶1), so they are never stale. */
    private static RoomOperator.State effective(Operator operator, Instant now) {
        if (operator.state != Stored.VERIFIED || operator.reverificationDue == null) {
            return RoomOperator.State.valueOf("STATE_" + operator.state.name());
        }
        if (now.isAfter(operator.reverificationDue)) {
            return RoomOperator.State.STATE_REVERIFICATION_OVERDUE;
        }
        return now.isBefore(operator.reverificationDue.minus(REMINDER_LEAD)) ? RoomOperator.State.STATE_VERIFIED
                : RoomOperator.State.STATE_REVERIFICATION_DUE;
    }

    private static Marketer render(MarketerRecord marketer) {
        Marketer.Builder proto = marketer.shown.toBuilder().setState(Marketer.State.valueOf("STATE_" + marketer.state.name()))
                .setCreateTime(Protos.timestamp(marketer.createTime)).setUpdateTime(Protos.timestamp(marketer.updateTime));
        if (marketer.lastVerifyTime != null) {
            proto.setLastVerifyTime(Protos.timestamp(marketer.lastVerifyTime));
        }
        if (marketer.consent != null) {
            proto.setGuardianConsent(marketer.consent);
        }
        return proto.build();
    }

    private static PostalAddress masked(PostalAddress address) {
        return PostalAddress.newBuilder().setRegionCode(address.getRegionCode().isEmpty() ? "CN" : address.getRegionCode())
                .setProvince(address.getProvince()).setCity(address.getCity()).setDistrict(address.getDistrict())
                .setStreetAddress(Protos.maskText(address.getStreetAddress())).setPostalCode(address.getPostalCode()).build();
    }

    private static Contact masked(Contact contact) {
        return Contact.newBuilder().setPhone(Protos.maskPhone(contact.getPhone()))
                .setEmail(contact.getEmail().isEmpty() ? "" : Protos.maskEmail(contact.getEmail())).build();
    }

    // ---- checks shared by the RPCs ----

    private static void checkAddress(PostalAddress address, String path, Checks checks) {
        checks.matches(path + ".region_code", address.getRegionCode(), REGION, "an ISO 3166-1 alpha-2 code such as CN")
                .text(path + ".province", address.getProvince(), 1, 50)
                .text(path + ".city", address.getCity(), 1, 50)
                .text(path + ".district", address.getDistrict(), 1, 50)
                .text(path + ".street_address", address.getStreetAddress(), 1, 200)
                .matches(path + ".postal_code", address.getPostalCode(), POSTAL_CODE, "6 digits");
    }

    private static void checkContact(Contact contact, String path, Checks checks) {
        checks.text(path + ".phone", contact.getPhone(), 1, 20)
                .matches(path + ".phone", contact.getPhone(), PHONE, "a mainland mobile number (11 digits) or a fixed line with area code")
                .text(path + ".email", contact.getEmail(), 0, 254)
                .matches(path + ".email", contact.getEmail(), EMAIL, "an e-mail address");
    }

    private static void checkCertificate(String kind, String number, String issuer, String path, Checks checks) {
        checks.text(path + ".kind", kind, 1, 50).text(path + ".number", number, 1, 64).text(path + ".issuer", issuer, 0, 100);
    }

    /** What is wrong with a USCC (GB 32100-2015), or null. */
    static String usccProblem(String code) {
        if (code.length() != 18) {
            return "must be 18 characters, not " + code.length();
        }
        String charset = TestIdentities.usccCharset();
        for (int i = 0; i < 18; i++) {
            if (charset.indexOf(code.charAt(i)) < 0) {
                return "contains '" + code.charAt(i) + "', which GB 32100-2015 does not use (digits and upper-case letters except I, O, Z, S, V)";
            }
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(code.charAt(i))) {
                return "characters 3-8 must be the digits of an administrative division code";
            }
        }
        return code.charAt(17) != TestIdentities.usccCheckCharacter(code) ? "check character does not match (GB 32100-2015)" : null;
    }

    /** A resident ID number (GB 11643-1999): its birth date, or what is wrong with it. */
    record ResidentId(String value, LocalDate birthDate, String problem) {

        static ResidentId parse(String raw, LocalDate today) {
            String value = raw.toUpperCase(java.util.Locale.ROOT);
            if (!value.matches("[1-9][0-9]{16}[0-9X]")) {
                return problem("must be 17 digits followed by a digit or X (GB 11643-1999)");
            }
            LocalDate birth;
            try {
                birth = LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
                        Integer.parseInt(value.substring(12, 14)));
            } catch (java.time.DateTimeException e) {
                return problem("digits 7-14 are not a real date of birth");
            }
            if (birth.getYear() < 1900 || birth.isAfter(today)) {
                return problem("date of birth " + birth + " is out of range");
            }
            if (value.charAt(17) != TestIdentities.idCheckDigit(value)) {
                return problem("check digit does not match (GB 11643-1999)");
            }
            return new ResidentId(value, birth, null);
        }

        private static ResidentId problem(String problem) {
            return new ResidentId(null, null, problem);
        }

        int ageOn(LocalDate day) {
            return Period.between(birthDate, day).getYears();
        }
    }

    // ---- use cases ----

    private RoomOperator createRoomOperator(CreateRoomOperatorRequest request) {
        Instant now = context.now();
        LocalDate today = Protos.today(now);
        String path = "room_operator.";
        Checks checks = Checks.withRequestId(DOMAIN, request.getRequestId());
        checks.when(!request.hasRoomOperator(), "room_operator", "room_operator is required");
        RoomOperator operator = request.getRoomOperator();
        for (int i = 0; i < operator.getLicencesCount(); i++) {
            Protos.date(operator.getLicences(i).getValidUntil(), path + "licences[" + i + "].valid_until", checks);
        }
        RoomOperator.Kind kind = operator.getKind();
        checks.when(kind == RoomOperator.Kind.UNRECOGNIZED, path + "kind", path + "kind has an unknown value");
        boolean known = kind != RoomOperator.Kind.KIND_UNSPECIFIED && kind != RoomOperator.Kind.UNRECOGNIZED;
        boolean natural = kind == RoomOperator.Kind.KIND_NATURAL_PERSON;
        if (request.hasRoomOperator()) {
            checks.when(!known, path + "kind", path + "kind is required").text(path + "legal_name", operator.getLegalName(), 1, 100);
            if (known && !natural) {
                identifier(checks, path + "uscc", operator.getUscc(), usccProblem(operator.getUscc()));
                checks.when(!operator.getIdNumber().isEmpty(), path + "id_number", path + "id_number must be empty for a "
                        + kind.name().substring("KIND_".length()) + " (it is identified by its USCC)");
            }
            if (natural) {
                identifier(checks, path + "id_number", operator.getIdNumber(), ResidentId.parse(operator.getIdNumber(), today).problem());
                checks.when(!operator.getUscc().isEmpty(), path + "uscc", path + "uscc must be empty for a natural person (identified by the ID number)");
            }
            if (!operator.hasBusinessAddress()) {
                checks.add(path + "business_address", path + "business_address is required (actual business address, Art. 8 ¶1)");
            } else {
                checkAddress(operator.getBusinessAddress(), path + "business_address", checks);
            }
            if (!operator.hasContact()) {
                checks.add(path + "contact", path + "contact is required (Art. 8 ¶1)");
            } else {
                checkContact(operator.getContact(), path + "contact", checks);
            }
            checks.when(operator.getLicencesCount() > MAX_CERTIFICATES, path + "licences", "at most " + MAX_CERTIFICATES + " licences");
            for (int i = 0; i < Math.min(operator.getLicencesCount(), MAX_CERTIFICATES); i++) {
                AdministrativeLicence licence = operator.getLicences(i);
                checkCertificate(licence.getKind(), licence.getNumber(), licence.getIssuer(), path + "licences[" + i + "]", checks);
            }
            checks.when(operator.getLiveAccountsCount() == 0, path + "live_accounts", "at least one live account is required")
                    .when(operator.getLiveAccountsCount() > MAX_LIVE_ACCOUNTS, path + "live_accounts", "at most " + MAX_LIVE_ACCOUNTS + " live accounts");
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < Math.min(operator.getLiveAccountsCount(), MAX_LIVE_ACCOUNTS); i++) {
                String field = path + "live_accounts[" + i + "]";
                String accountId = operator.getLiveAccounts(i).getAccountId();
                checks.text(field + ".account_id", accountId, 1, 64)
                        .matches(field + ".account_id", accountId, ACCOUNT_ID, "1..64 of [A-Za-z0-9_.-]")
                        .text(field + ".display_name", operator.getLiveAccounts(i).getDisplayName(), 0, 100)
                        .when(!seen.add(accountId), field + ".account_id", "account_id is listed twice");
            }
        }
        checks.throwIfAny();
        return idempotency.once(DOMAIN, "CreateRoomOperator", request.getRequestId(), request,
                () -> registerOperator(operator, natural, now), RoomOperator::getName,
                name -> render(operators.get(name.substring(OPERATORS.length())), context.now()));
    }

    private static boolean isSet(org.livecomply.api.type.v1.Date date) {
        return date.getYear() != 0 || date.getMonth() != 0 || date.getDay() != 0;
    }

    private static void identifier(Checks checks, String field, String value, String problem) {
        if (value.isEmpty()) {
            checks.add(field, field + " is required");
        } else if (problem != null) {
            checks.add(field, field + " " + problem);
        }
    }

    private RoomOperator registerOperator(RoomOperator operator, boolean natural, Instant now) {
        LocalDate today = Protos.today(now);
        ResidentId residentId = natural ? ResidentId.parse(operator.getIdNumber(), today) : null;
        if (residentId != null && residentId.ageOn(today) < MINIMUM_AGE) {
            throw Refusals.precondition(DOMAIN, new Refusals.Rule("ROOM_OPERATOR_UNDER_16", "MPL Art. 76; Art. 8 ¶1", "room_operator.id_number",
                    "a natural-person room operator must be at least " + MINIMUM_AGE + " years old; born " + residentId.birthDate()));
        }
        String identity = natural ? "id:" + residentId.value() : "uscc:" + operator.getUscc();
        for (Operator existing : operators.values()) {
            if (existing.identity.equals(identity)) {
                throw Refusals.alreadyExists(DOMAIN, "ROOM_OPERATOR_ALREADY_REGISTERED", "This identity is already registered as " + existing.name(),
                        Map.of("existing", existing.name()));
            }
        }
        Set<String> wanted = new HashSet<>();
        operator.getLiveAccountsList().forEach(a -> wanted.add(a.getAccountId()));
        List<String> taken = operators.values().stream().flatMap(o -> o.shown.getLiveAccountsList().stream())
                .map(a -> a.getAccountId()).filter(wanted::contains).toList();
        if (!taken.isEmpty()) {
            throw Refusals.alreadyExists(DOMAIN, "LIVE_ACCOUNT_ALREADY_REGISTERED", "Live accounts already belong to another room operator: " + taken,
                    Map.of("account_ids", String.join(",", taken)));
        }
        String id = UUID.randomUUID().toString();
        RoomOperator.Builder shown = RoomOperator.newBuilder().setName(OPERATORS + id).setKind(operator.getKind())
                .setLegalName(operator.getLegalName()).setUscc(natural ? "" : operator.getUscc())
                .setIdNumber(natural ? Protos.maskIdNumber(residentId.value()) : "")
                .setBusinessAddress(masked(operator.getBusinessAddress())).setContact(masked(operator.getContact()))
                .addAllLiveAccounts(operator.getLiveAccountsList());
        for (AdministrativeLicence licence : operator.getLicencesList()) {
            AdministrativeLicence.Builder kept = AdministrativeLicence.newBuilder().setKind(licence.getKind()).setNumber(licence.getNumber())
                    .setIssuer(licence.getIssuer());
            if (isSet(licence.getValidUntil())) {
                kept.setValidUntil(licence.getValidUntil());
            }
            shown.addLicences(kept);
        }
        if (natural) {
            shown.setBirthDate(Protos.date(residentId.birthDate()));
        }
        Operator created = new Operator(id, ++sequence, Protos.micros(now), shown.build(), identity);
        operators.put(id, created);
        return render(created, now);
    }

    private RoomOperator getRoomOperator(GetRoomOperatorRequest request) {
        Checks checks = new Checks(DOMAIN);
        String id = checks.id(request.getName(), OPERATORS, "name");
        checks.throwIfAny();
        return render(operator(id), context.now());
    }

    private Operator operator(String id) {
        Operator found = operators.get(id);
        if (found == null) {
            throw Refusals.notFound(DOMAIN, "ROOM_OPERATOR_NOT_FOUND", OPERATORS + id);
        }
        return found;
    }

    private ListRoomOperatorsResponse listRoomOperators(ListRoomOperatorsRequest request) {
        Checks checks = new Checks(DOMAIN).checkPageSize(request.getPageSize());
        checks.when(request.getState() == RoomOperator.State.UNRECOGNIZED, "state", "state has an unknown value")
                .when(request.getKind() == RoomOperator.Kind.UNRECOGNIZED, "kind", "kind has an unknown value");
        checks.throwIfAny();
        Instant now = context.now();
        List<Operator> matching = operators.values().stream()
                .filter(o -> request.getState() == RoomOperator.State.STATE_UNSPECIFIED || effective(o, now) == request.getState())
                .filter(o -> request.getKind() == RoomOperator.Kind.KIND_UNSPECIFIED || o.shown.getKind() == request.getKind()).toList();
        PageTokens.Page<Operator> page = pageTokens.page(DOMAIN, "ListRoomOperators?state=" + request.getState() + "&kind=" + request.getKind(),
                matching, o -> o.seq, false, Checks.pageSize(request.getPageSize()), request.getPageToken());
        return ListRoomOperatorsResponse.newBuilder().addAllRoomOperators(page.items().stream().map(o -> render(o, now)).toList())
                .setNextPageToken(page.nextPageToken()).build();
    }

    private Marketer createMarketer(CreateMarketerRequest request) {
        Instant now = context.now();
        LocalDate today = Protos.today(now);
        String path = "marketer.";
        Checks checks = Checks.withRequestId(DOMAIN, request.getRequestId());
        checks.when(!request.hasMarketer(), "marketer", "marketer is required");
        Marketer marketer = request.getMarketer();
        for (int i = 0; i < marketer.getQualificationsCount(); i++) {
            Protos.date(marketer.getQualifications(i).getValidUntil(), path + "qualifications[" + i + "].valid_until", checks);
        }
        String mcn = marketer.getMcnInstitution().isEmpty() ? null : checks.id(marketer.getMcnInstitution(), MCNS, path + "mcn_institution");
        if (request.hasMarketer()) {
            checks.text(path + "legal_name", marketer.getLegalName(), 1, 100);
            if (marketer.getIdNumber().isEmpty()) {
                checks.add(path + "id_number", path + "id_number is required (Art. 8 ¶2)");
            } else {
                String problem = ResidentId.parse(marketer.getIdNumber(), today).problem();
                checks.when(problem != null, path + "id_number", path + "id_number " + problem);
            }
            if (!marketer.hasHabitualAddress()) {
                checks.add(path + "habitual_address", path + "habitual_address is required (Art. 8 ¶2)");
            } else {
                checkAddress(marketer.getHabitualAddress(), path + "habitual_address", checks);
            }
            if (!marketer.hasContact()) {
                checks.add(path + "contact", path + "contact is required (Art. 8 ¶2)");
            } else {
                checkContact(marketer.getContact(), path + "contact", checks);
            }
            checks.when(marketer.getQualificationsCount() > MAX_CERTIFICATES, path + "qualifications",
                    "at most " + MAX_CERTIFICATES + " qualifications");
            for (int i = 0; i < Math.min(marketer.getQualificationsCount(), MAX_CERTIFICATES); i++) {
                Qualification q = marketer.getQualifications(i);
                checkCertificate(q.getKind(), q.getNumber(), q.getIssuer(), path + "qualifications[" + i + "]", checks);
            }
            checks.text(path + "occupation", marketer.getOccupation(), 0, 100);
        }
        checks.throwIfAny();
        return idempotency.once(DOMAIN, "CreateMarketer", request.getRequestId(), request,
                () -> registerMarketer(marketer, mcn, now), Marketer::getName,
                name -> render(marketers.get(name.substring(MARKETERS.length()))));
    }

    private Marketer registerMarketer(Marketer marketer, String mcn, Instant now) {
        LocalDate today = Protos.today(now);
        ResidentId id = ResidentId.parse(marketer.getIdNumber(), today);
        if (id.ageOn(today) < MINIMUM_AGE) {
            throw Refusals.precondition(DOMAIN, new Refusals.Rule("MARKETER_UNDER_16", "MPL Art. 76", "marketer.id_number",
                    "a marketer must be at least " + MINIMUM_AGE + " years old; born " + id.birthDate()));
        }
        if (mcn != null) {
            // Art. 8 ¶2: the MCN the marketer belongs to must be registered; the fake registers none.
            throw Refusals.notFound(DOMAIN, "MCN_INSTITUTION_NOT_FOUND", MCNS + mcn);
        }
        for (MarketerRecord existing : marketers.values()) {
            if (existing.idNumber.equals(id.value())) {
                throw Refusals.alreadyExists(DOMAIN, "MARKETER_ALREADY_REGISTERED", "This person is already registered as " + existing.name(),
                        Map.of("existing", existing.name()));
            }
        }
        String resourceId = UUID.randomUUID().toString();
        Marketer.Builder shown = Marketer.newBuilder().setName(MARKETERS + resourceId).setLegalName(marketer.getLegalName())
                .setIdNumber(Protos.maskIdNumber(id.value())).setHabitualAddress(masked(marketer.getHabitualAddress()))
                .setContact(masked(marketer.getContact())).setOccupation(marketer.getOccupation())
                .setBirthDate(Protos.date(id.birthDate()));
        for (Qualification q : marketer.getQualificationsList()) {
            Qualification.Builder kept = Qualification.newBuilder().setKind(q.getKind()).setNumber(q.getNumber()).setIssuer(q.getIssuer());
            if (isSet(q.getValidUntil())) {
                kept.setValidUntil(q.getValidUntil());
            }
            shown.addQualifications(kept);
        }
        MarketerRecord created = new MarketerRecord(resourceId, ++sequence, Protos.micros(now), shown.build(), id.value(), id.birthDate());
        marketers.put(resourceId, created);
        return render(created);
    }

    private Marketer getMarketer(GetMarketerRequest request) {
        Checks checks = new Checks(DOMAIN);
        String id = checks.id(request.getName(), MARKETERS, "name");
        checks.throwIfAny();
        return render(marketerRecord(id));
    }

    private MarketerRecord marketerRecord(String id) {
        MarketerRecord found = marketers.get(id);
        if (found == null) {
            throw Refusals.notFound(DOMAIN, "MARKETER_NOT_FOUND", MARKETERS + id);
        }
        return found;
    }

    private ListMarketersResponse listMarketers(ListMarketersRequest request) {
        Checks checks = new Checks(DOMAIN).checkPageSize(request.getPageSize());
        checks.when(request.getState() == Marketer.State.UNRECOGNIZED, "state", "state has an unknown value").throwIfAny();
        List<MarketerRecord> matching = marketers.values().stream()
                .filter(m -> request.getState() == Marketer.State.STATE_UNSPECIFIED || render(m).getState() == request.getState()).toList();
        PageTokens.Page<MarketerRecord> page = pageTokens.page(DOMAIN, "ListMarketers?state=" + request.getState(), matching, m -> m.seq, false,
                Checks.pageSize(request.getPageSize()), request.getPageToken());
        return ListMarketersResponse.newBuilder().addAllMarketers(page.items().stream().map(FakeIdentity::render).toList())
                .setNextPageToken(page.nextPageToken()).build();
    }

    private Marketer recordGuardianConsent(RecordGuardianConsentRequest request) {
        Instant now = context.now();
        LocalDate today = Protos.today(now);
        String path = "guardian_consent.";
        Checks checks = Checks.withRequestId(DOMAIN, request.getRequestId());
        String id = checks.id(request.getMarketer(), MARKETERS, "marketer");
        checks.when(!request.hasGuardianConsent(), "guardian_consent", "guardian_consent is required");
        GuardianConsent consent = request.getGuardianConsent();
        Instant consentTime = Protos.instant(consent.hasConsentTime(), consent.getConsentTime(), path + "consent_time", checks);
        if (request.hasGuardianConsent()) {
            checks.text(path + "guardian_name", consent.getGuardianName(), 1, 100)
                    .text(path + "relationship", consent.getRelationship(), 1, 20)
                    .text(path + "consent_document_sha256", consent.getConsentDocumentSha256(), 1, 64)
                    .matches(path + "consent_document_sha256", consent.getConsentDocumentSha256(), SHA256_HEX, "64 lowercase hex characters (SHA-256)");
            if (consent.getGuardianIdNumber().isEmpty()) {
                checks.add(path + "guardian_id_number", path + "guardian_id_number is required");
            } else {
                ResidentId guardian = ResidentId.parse(consent.getGuardianIdNumber(), today);
                checks.when(guardian.problem() != null, path + "guardian_id_number", path + "guardian_id_number " + guardian.problem())
                        .when(guardian.problem() == null && guardian.ageOn(today) < ADULT, path + "guardian_id_number", "the guardian must be an adult");
            }
            if (consentTime == null) {
                checks.add(path + "consent_time", path + "consent_time is required");
            } else if (consentTime.isAfter(now)) {
                checks.add(path + "consent_time", path + "consent_time must not be in the future");
            }
        }
        checks.throwIfAny();
        return idempotency.once(DOMAIN, "RecordGuardianConsent", request.getRequestId(), request, () -> {
            MarketerRecord marketer = marketerRecord(id);
            if (Period.between(marketer.birthDate, today).getYears() >= ADULT) {
                throw Refusals.precondition(DOMAIN, new Refusals.Rule("GUARDIAN_CONSENT_NOT_NEEDED", "MPL Art. 76", marketer.name(),
                        "the marketer is 18 or older; a guardian's consent is neither needed nor recorded"));
            }
            marketer.consent = consent.toBuilder()
                    .setGuardianIdNumber(Protos.maskIdNumber(consent.getGuardianIdNumber().toUpperCase(java.util.Locale.ROOT)))
                    .setConsentTime(Protos.timestamp(Protos.micros(consentTime))).build();
            marketer.updateTime = Protos.micros(now);
            return render(marketer);
        }, Marketer::getName, name -> render(marketers.get(name.substring(MARKETERS.length()))));
    }

    /** A verification parent: a room operator or marketer, never an MCN. */
    private static void checkSubjectName(String name, String field, Checks checks) {
        if (name.startsWith(OPERATORS)) {
            checks.id(name, OPERATORS, field);
        } else if (name.startsWith(MARKETERS)) {
            checks.id(name, MARKETERS, field);
        } else {
            checks.add(field, field + " must be roomOperators/{uuid} or marketers/{uuid}");
        }
    }

    private Subject existing(String name) {
        Subject found = name.startsWith(OPERATORS) ? operators.get(name.substring(OPERATORS.length()))
                : marketers.get(name.substring(MARKETERS.length()));
        if (found == null) {
            throw Refusals.notFound(DOMAIN, "SUBJECT_NOT_FOUND", name);
        }
        return found;
    }

    private Verification recordVerification(RecordVerificationRequest request) {
        Instant now = context.now();
        String path = "verification.";
        Checks checks = Checks.withRequestId(DOMAIN, request.getRequestId());
        checkSubjectName(request.getParent(), "parent", checks);
        checks.when(!request.hasVerification(), "verification", "verification is required");
        Verification check = request.getVerification();
        Instant verifyTime = Protos.instant(check.hasVerifyTime(), check.getVerifyTime(), path + "verify_time", checks);
        boolean methodKnown = check.getMethod() != Verification.Method.METHOD_UNSPECIFIED && check.getMethod() != Verification.Method.UNRECOGNIZED;
        boolean resultKnown = check.getResult() == Verification.Result.RESULT_PASSED || check.getResult() == Verification.Result.RESULT_FAILED;
        checks.when(!methodKnown, path + "method", path + "method is required")
                .text(path + "provider", check.getProvider(), 1, 50)
                .text(path + "provider_reference", check.getProviderReference(), 1, 128)
                .when(!resultKnown, path + "result", path + "result is required")
                .text(path + "note", check.getNote(), 0, 500);
        if (verifyTime == null) {
            checks.add(path + "verify_time", path + "verify_time is required");
        } else if (verifyTime.isAfter(now.plus(CLOCK_SKEW))) {
            checks.add(path + "verify_time", path + "verify_time must not be in the future");
        } else if (verifyTime.isBefore(now.minus(VERIFICATION_MAX_AGE))) {
            checks.add(path + "verify_time", path + "verify_time must be within the last " + VERIFICATION_MAX_AGE.toDays() + " days");
        }
        checks.throwIfAny();
        return idempotency.once(DOMAIN, "RecordVerification", request.getRequestId(), request,
                () -> record(existing(request.getParent()), check, CallGuard.subject()), Verification::getName, this::verification);
    }

    /** Appends a check; the latest check by verify time moves the state, unless the subject is suspended. */
    private Verification record(Subject subject, Verification check, String recordedBy) {
        Instant now = Protos.micros(context.now());
        Instant verifyTime = Protos.micros(Protos.instant(check.getVerifyTime()));
        boolean passed = check.getResult() == Verification.Result.RESULT_PASSED;
        boolean supersedes = subject.lastVerifyTime == null || !verifyTime.isBefore(subject.lastVerifyTime);
        if (supersedes && subject.state != Stored.SUSPENDED) {
            subject.state = passed ? Stored.VERIFIED : Stored.VERIFICATION_FAILED;
            if (passed) {
                subject.lastVerifyTime = verifyTime;
            }
            if (subject instanceof Operator operator && operator.lastVerifyTime != null) {
                operator.reverificationDue = reverificationDue(operator.lastVerifyTime);
            }
            subject.updateTime = now;
        }
        Verification recorded = check.toBuilder().setName(subject.name() + "/verifications/" + (subject.verifications.size() + 1))
                .setVerifyTime(Protos.timestamp(verifyTime)).setRecordedBy(recordedBy).setRecordTime(Protos.timestamp(now)).build();
        subject.verifications.add(recorded);
        return recorded;
    }

    /** Art. 8 ¶1: six months after the last passed check, counted on the calendar in China. */
    private static Instant reverificationDue(Instant verifiedAt) {
        return verifiedAt.atZone(Protos.CHINA).plus(REVERIFICATION_PERIOD).toInstant();
    }

    private Verification verification(String name) {
        Subject subject = existing(name.substring(0, name.indexOf("/verifications/")));
        return subject.verifications.get(Integer.parseInt(name.substring(name.lastIndexOf('/') + 1)) - 1);
    }

    private ListVerificationsResponse listVerifications(ListVerificationsRequest request) {
        Checks checks = new Checks(DOMAIN).checkPageSize(request.getPageSize());
        checkSubjectName(request.getParent(), "parent", checks);
        checks.throwIfAny();
        Subject subject = existing(request.getParent());
        List<Verification> newestFirst = new ArrayList<>(subject.verifications);
        java.util.Collections.reverse(newestFirst);
        PageTokens.Page<Verification> page = pageTokens.page(DOMAIN, "ListVerifications?parent=" + request.getParent(), newestFirst,
                v -> Long.parseLong(v.getName().substring(v.getName().lastIndexOf('/') + 1)), true,
                Checks.pageSize(request.getPageSize()), request.getPageToken());
        return ListVerificationsResponse.newBuilder().addAllVerifications(page.items()).setNextPageToken(page.nextPageToken()).build();
    }

    private SessionRoster submitSessionRoster(SubmitSessionRosterRequest request) {
        Checks checks = Checks.withRequestId(DOMAIN, request.getRequestId());
        String operatorId = checks.id(request.getRoomOperator(), OPERATORS, "room_operator");
        checks.text("session_id", request.getSessionId(), 1, 64)
                .when(!request.getSessionId().isEmpty() && !SESSION_ID.matcher(request.getSessionId()).matches(), "session_id",
                        "session_id must be 1..64 of [A-Za-z0-9_.-]")
                .when(request.getMarketersCount() == 0, "marketers", "at least one marketer is required (Art. 28)")
                .when(request.getMarketersCount() > MAX_ROSTER_MARKETERS, "marketers", "at most " + MAX_ROSTER_MARKETERS + " marketers");
        List<String> marketerIds = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < Math.min(request.getMarketersCount(), MAX_ROSTER_MARKETERS); i++) {
            String field = "marketers[" + i + "]";
            String id = checks.id(request.getMarketers(i), MARKETERS, field);
            checks.when(id != null && !seen.add(id), field, field + " is listed twice");
            marketerIds.add(id);
        }
        checks.throwIfAny();
        return idempotency.once(DOMAIN, "SubmitSessionRoster", request.getRequestId(), request,
                () -> submit(operatorId, request.getSessionId(), marketerIds), SessionRoster::getName,
                name -> operators.get(operatorId).rosters.get(request.getSessionId()));
    }

    private SessionRoster submit(String operatorId, String sessionId, List<String> marketerIds) {
        Operator operator = operator(operatorId);
        if (operator.rosters.containsKey(sessionId)) {
            throw Refusals.alreadyExists(DOMAIN, "SESSION_ROSTER_ALREADY_SUBMITTED", "A roster was already submitted for session " + sessionId,
                    Map.of("session_id", sessionId));
        }
        Instant now = Protos.micros(context.now());
        List<Refusals.Rule> rules = new ArrayList<>();
        RoomOperator shown = render(operator, now);
        switch (shown.getState()) {
            case STATE_PENDING_VERIFICATION, STATE_VERIFICATION_FAILED -> rules.add(new Refusals.Rule("ROOM_OPERATOR_NOT_VERIFIED", "Art. 8 ¶1",
                    shown.getName(), "the room operator's identity is not verified (state " + shown.getState().name().substring(6) + ")"));
            case STATE_REVERIFICATION_OVERDUE -> rules.add(new Refusals.Rule("REVERIFICATION_OVERDUE", "Art. 8 ¶1", shown.getName(),
                    "re-verification was due by " + operator.reverificationDue));
            case STATE_SUSPENDED -> rules.add(new Refusals.Rule("ROOM_OPERATOR_SUSPENDED", "Art. 12 ¶1", shown.getName(),
                    "the room operator is suspended"));
            default -> { }
        }
        LocalDate today = Protos.today(now);
        for (String id : marketerIds) {
            String name = MARKETERS + id;
            MarketerRecord marketer = marketers.get(id);
            if (marketer == null) {
                rules.add(new Refusals.Rule("MARKETER_NOT_REGISTERED", "Art. 8 ¶2", name,
                        "the marketer's identity must be registered before the first session"));
                continue;
            }
            switch (marketer.state) {
                case PENDING_VERIFICATION, VERIFICATION_FAILED -> rules.add(new Refusals.Rule("MARKETER_NOT_VERIFIED", "Art. 8 ¶3", name,
                        "the marketer's identity is not verified (state " + marketer.state + ")"));
                case SUSPENDED -> rules.add(new Refusals.Rule("MARKETER_SUSPENDED", "Art. 12 ¶1", name, "the marketer is suspended"));
                case VERIFIED -> {
                    if (marketer.lastVerifyTime == null || now.isAfter(marketer.lastVerifyTime.plus(MARKETER_VALIDITY))) {
                        rules.add(new Refusals.Rule("MARKETER_VERIFICATION_STALE", "Art. 8 ¶3", name, "the last identity check ("
                                + marketer.lastVerifyTime + ") is older than " + MARKETER_VALIDITY.toDays() + " days: verify again"));
                    }
                }
            }
            if (Period.between(marketer.birthDate, today).getYears() < ADULT && marketer.consent == null) {
                rules.add(new Refusals.Rule("MARKETER_GUARDIAN_CONSENT_MISSING", "MPL Art. 76", name,
                        "a marketer aged 16 or 17 needs a guardian's consent on record"));
            }
        }
        if (!rules.isEmpty()) {
            throw Refusals.precondition(DOMAIN, rules);
        }
        SessionRoster roster = SessionRoster.newBuilder().setName(operator.name() + "/sessionRosters/" + sessionId).setSessionId(sessionId)
                .addAllMarketers(marketerIds.stream().map(id -> MARKETERS + id).toList()).setSubmitTime(Protos.timestamp(now))
                .setRetainUntilTime(Protos.timestamp(now.atZone(Protos.CHINA).plus(ROSTER_RETENTION).toInstant())).build();
        operator.rosters.put(sessionId, roster);
        return roster;
    }

    private SessionRoster getSessionRoster(GetSessionRosterRequest request) {
        Checks checks = new Checks(DOMAIN);
        String[] parts = request.getName().split("/");
        boolean shaped = parts.length == 4 && "sessionRosters".equals(parts[2]) && SESSION_ID.matcher(parts[3]).matches();
        String operatorId = shaped ? checks.id(parts[0] + "/" + parts[1], OPERATORS, "name") : null;
        checks.when(!shaped, "name", "name must be roomOperators/{uuid}/sessionRosters/{session_id}").throwIfAny();
        String name = OPERATORS + operatorId + "/sessionRosters/" + parts[3];
        Operator operator = operators.get(operatorId);
        SessionRoster roster = operator == null ? null : operator.rosters.get(parts[3]);
        if (roster == null) {
            throw Refusals.notFound(DOMAIN, "SESSION_ROSTER_NOT_FOUND", name);
        }
        return roster;
    }

    /** The IdentityService RPCs the fake implements; the others answer UNIMPLEMENTED. */
    private final class Endpoint extends IdentityServiceGrpc.IdentityServiceImplBase {

        @Override
        public void createRoomOperator(CreateRoomOperatorRequest request, StreamObserver<RoomOperator> response) {
            context.answer(response, () -> FakeIdentity.this.createRoomOperator(request));
        }

        @Override
        public void getRoomOperator(GetRoomOperatorRequest request, StreamObserver<RoomOperator> response) {
            context.answer(response, () -> FakeIdentity.this.getRoomOperator(request));
        }

        @Override
        public void listRoomOperators(ListRoomOperatorsRequest request, StreamObserver<ListRoomOperatorsResponse> response) {
            context.answer(response, () -> FakeIdentity.this.listRoomOperators(request));
        }

        @Override
        public void createMarketer(CreateMarketerRequest request, StreamObserver<Marketer> response) {
            context.answer(response, () -> FakeIdentity.this.createMarketer(request));
        }

        @Override
        public void getMarketer(GetMarketerRequest request, StreamObserver<Marketer> response) {
            context.answer(response, () -> FakeIdentity.this.getMarketer(request));
        }

        @Override
        public void listMarketers(ListMarketersRequest request, StreamObserver<ListMarketersResponse> response) {
            context.answer(response, () -> FakeIdentity.this.listMarketers(request));
        }

        @Override
        public void recordGuardianConsent(RecordGuardianConsentRequest request, StreamObserver<Marketer> response) {
            context.answer(response, () -> FakeIdentity.this.recordGuardianConsent(request));
        }

        @Override
        public void recordVerification(RecordVerificationRequest request, StreamObserver<Verification> response) {
            context.answer(response, () -> FakeIdentity.this.recordVerification(request));
        }

        @Override
        public void listVerifications(ListVerificationsRequest request, StreamObserver<ListVerificationsResponse> response) {
            context.answer(response, () -> FakeIdentity.this.listVerifications(request));
        }

        @Override
        public void submitSessionRoster(SubmitSessionRosterRequest request, StreamObserver<SessionRoster> response) {
            context.answer(response, () -> FakeIdentity.this.submitSessionRoster(request));
        }

        @Override
        public void getSessionRoster(GetSessionRosterRequest request, StreamObserver<SessionRoster> response) {
            context.answer(response, () -> FakeIdentity.this.getSessionRoster(request));
        }
    }
}
