package org.livecomply.training.service;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.livecomply.commons.error.InvalidArgumentException;
import org.livecomply.commons.paging.PageTokens;
import org.livecomply.commons.paging.PagedResult;
import org.livecomply.training.client.IdentityDirectory;
import org.livecomply.training.client.IdentityDirectory.KnownSubject;
import org.livecomply.training.client.IdentityDirectory.SubjectPage;
import org.livecomply.training.domain.Audience;

/**
 * Walks identity-service's registrations (the only complete list of subjects) page by page, for listings
 * over every subject of an audience. Our page token wraps identity's: which audience, identity's token
 * of the page being read, and how far into that page we got. A call reads at most
 * {@value #MAX_IDENTITY_PAGES} identity pages, so a page of ours may hold fewer items than asked even when
 * more follow (AIP-158).
 */
@Singleton
public class SubjectScan {

    static final int IDENTITY_PAGE_SIZE = 100;
    static final int MAX_IDENTITY_PAGES = 10;

    private final IdentityDirectory identity;
    private final PageTokens pageTokens;

    public SubjectScan(IdentityDirectory identity, PageTokens pageTokens) {
        this.identity = identity;
        this.pageTokens = pageTokens;
    }

    /** Picks items out of a run of subjects of one audience: one entry per subject, null for those not listed. */
    @FunctionalInterface
    public interface Selector<T> {
        List<T> select(Audience audience, List<KnownSubject> subjects);
    }

    /** Where a listing resumes: audience index, identity's page token, subjects of that page already looked at. */
    private record Cursor(int audience, String identityToken, int skip) {

        String encode() {
            return audience + ":" + skip + ":" + identityToken;
        }

        static Cursor decode(String cursor) {
            String[] parts = cursor.split(":", 3);
            try {
                return new Cursor(Integer.parseInt(parts[0]), parts[2], Integer.parseInt(parts[1]));
            } catch (RuntimeException e) {
                throw InvalidArgumentException.of(PageTokens.INVALID_PAGE_TOKEN, "page_token", "page_token is not a page token of this listing");
            }
        }
    }

    /**
     * One page of {@code query} over the subjects of {@code audiences} (in that order); {@code pastEnd}
     * ends an audience early at the first subject it accepts (identity lists oldest first).
     */
    public <T> PagedResult<T> page(String query, List<Audience> audiences, int pageSize, String pageToken, Selector<T> selector,
                                   Predicate<KnownSubject> pastEnd) {
        Cursor cursor = pageToken.isEmpty() ? new Cursor(0, "", 0) : Cursor.decode(pageTokens.open(pageToken, query));
        if (cursor.audience() < 0 || cursor.audience() >= audiences.size() || cursor.skip() < 0) {
            throw InvalidArgumentException.of(PageTokens.INVALID_PAGE_TOKEN, "page_token", "page_token is not a page token of this listing");
        }
        List<T> found = new ArrayList<>();
        for (int read = 0; read < MAX_IDENTITY_PAGES && cursor != null; read++) {
            Audience audience = audiences.get(cursor.audience());
            SubjectPage page = identity.page(audience, cursor.identityToken(), IDENTITY_PAGE_SIZE);
            int end = endOf(page.subjects(), cursor.skip(), pastEnd);
            boolean audienceDone = page.nextPageToken().isEmpty() || end < page.subjects().size();
            List<KnownSubject> candidates = page.subjects().subList(Math.min(cursor.skip(), end), end);
            List<T> selected = selector.select(audience, candidates);
            for (int i = 0; i < candidates.size(); i++) {
                if (selected.get(i) == null) {
                    continue;
                }
                found.add(selected.get(i));
                if (found.size() == pageSize) {
                    Cursor next = i + 1 < candidates.size()
                            ? new Cursor(cursor.audience(), cursor.identityToken(), cursor.skip() + i + 1)
                            : following(cursor, page, audienceDone, audiences.size());
                    return new PagedResult<>(found, next == null ? "" : pageTokens.issue(query, next.encode()));
                }
            }
            cursor = following(cursor, page, audienceDone, audiences.size());
        }
        return new PagedResult<>(found, cursor == null ? "" : pageTokens.issue(query, cursor.encode()));
    }

    /** Every subject of {@code audience} before {@code pastEnd}, in runs of one identity page (for reports). */
    public void forEach(Audience audience, Predicate<KnownSubject> pastEnd, Consumer<List<KnownSubject>> run) {
        String token = "";
        do {
            SubjectPage page = identity.page(audience, token, IDENTITY_PAGE_SIZE);
            int end = endOf(page.subjects(), 0, pastEnd);
            run.accept(page.subjects().subList(0, end));
            token = end < page.subjects().size() ? "" : page.nextPageToken();
        } while (!token.isEmpty());
    }

    private static int endOf(List<KnownSubject> subjects, int from, Predicate<KnownSubject> pastEnd) {
        for (int i = from; i < subjects.size(); i++) {
            if (pastEnd.test(subjects.get(i))) {
                return i;
            }
        }
        return subjects.size();
    }

    private static Cursor following(Cursor cursor, SubjectPage page, boolean audienceDone, int audiences) {
        if (!audienceDone) {
            return new Cursor(cursor.audience(), page.nextPageToken(), 0);
        }
        return cursor.audience() + 1 < audiences ? new Cursor(cursor.audience() + 1, "", 0) : null;
    }
}
