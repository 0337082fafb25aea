package cn.worksafety.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One feature's sample data for local mode, loaded once into a database that does not have
 * it yet (so a feature added later still arrives in an existing local database).
 */
public interface SampleDataSet {

    /** A stable name, recorded when the set has been loaded. */
    String name();

    /** Sets load in ascending order; organisation first. */
    int order();

    /** Loads the data; runs inside the loader's transaction. */
    void load();

    /** Rows of a comma-separated resource, without '#' comment lines; trailing empty fields kept. */
    static List<String[]> csv(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing sample resource " + resource);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split(",", -1))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
