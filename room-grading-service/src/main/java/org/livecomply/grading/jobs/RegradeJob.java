package org.livecomply.grading.jobs;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.util.List;
import org.livecomply.grading.repository.RoomRepository;
import org.livecomply.grading.repository.RoomRow;
import org.livecomply.grading.service.GradingService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-grades every room each night: the 30/90/365-day windows move with time, and a new ruleset applies from
 * its publication. A room whose outcome did not change gets no new grade, so two replicas running this at
 * once only repeat work (each room is graded under its row lock).
 */
@Singleton
public class RegradeJob {

    static final int PAGE = 200;
    private static final Logger LOG = LoggerFactory.getLogger(RegradeJob.class);

    private final RoomRepository rooms;
    private final GradingService grading;

    public RegradeJob(RoomRepository rooms, GradingService grading) {
        this.rooms = rooms;
        this.grading = grading;
    }

    @Scheduled(cron = "0 30 3 * * *", zoneId = "Asia/Shanghai")
    public void onSchedule() {
        try {
            LOG.info("Nightly re-grading looked at {} rooms", run());
        } catch (RuntimeException e) {
            LOG.error("Nightly re-grading stopped; the next run starts again", e);
        }
    }

    /** Re-grades every room; returns how many were looked at. */
    public int run() {
        long after = 0;
        int count = 0;
        while (true) {
            List<RoomRow> page = rooms.page(after, false, PAGE);
            if (page.isEmpty()) {
                return count;
            }
            for (RoomRow room : page) {
                grading.regrade(room.resourceId());
                count++;
            }
            after = page.get(page.size() - 1).seq();
        }
    }
}
