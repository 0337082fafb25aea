package cn.worksafety.organisation;

public enum RegionLevel {
    PROVINCE,
    CITY,
    COUNTY,
    TOWN
}
