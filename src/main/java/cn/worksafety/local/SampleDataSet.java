package cn.worksafety.local;

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
}
