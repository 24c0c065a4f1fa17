package org.livecomply.commons.calendar;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Year files {@code <year>.txt}: first from {@code livecomply.calendar.directory} (so operations can add a
 * new year's notice without a release), else the ones shipped under {@code calendar/cn/}.
 */
@Factory
public class WorkingDayCalendarFactory {

    @Singleton
    public WorkingDayCalendar workingDayCalendar(@Nullable @Value("${livecomply.calendar.directory:}") String directory) {
        return new WorkingDayCalendar(year -> load(directory, year));
    }

    static Optional<YearCalendar> load(String directory, int year) {
        String file = year + ".txt";
        try {
            if (directory != null && !directory.isBlank() && Files.isRegularFile(Path.of(directory, file))) {
                return Optional.of(YearCalendar.parse(year, Files.readAllLines(Path.of(directory, file), StandardCharsets.UTF_8)));
            }
            try (InputStream shipped = WorkingDayCalendarFactory.class.getResourceAsStream("/calendar/cn/" + file)) {
                if (shipped == null) {
                    return Optional.empty();
                }
                List<String> lines = new String(shipped.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
                return Optional.of(YearCalendar.parse(year, lines));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read working-day calendar " + file, e);
        }
    }
}
