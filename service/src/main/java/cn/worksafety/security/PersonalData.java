package cn.worksafety.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * The one place personal data is masked. Admins and coordinators see it whole; a unit
 * editor sees its own unit's people whole; viewers, data-exchange accounts and everyone
 * else see a masked form that keeps enough to recognise a record.
 */
@RequestScoped
public class PersonalData {

    @Inject
    Caller caller;

    public boolean mayView(Long ownerUnitId) {
        if (caller.isAdmin() || caller.has(Role.COORDINATOR)) {
            return true;
        }
        return caller.has(Role.UNIT_EDITOR) && ownerUnitId != null && ownerUnitId.equals(caller.unitId());
    }

    /** An ID number: first four and last four characters kept (1101**********1234). */
    public String idNumber(String value, Long ownerUnitId) {
        return value == null || mayView(ownerUnitId) ? value : mask(value, 4, 4);
    }

    /** A phone number: first three and last four kept (138****5678). */
    public String phone(String value, Long ownerUnitId) {
        return value == null || mayView(ownerUnitId) ? value : mask(value, 3, 4);
    }

    /**
     * A training certificate number. Special-operator certificates (特种作业操作证) are numbered with
     * the holder's ID number, so every certificate number is masked like one (T110**********1234).
     */
    public String certificateNumber(String value, Long ownerUnitId) {
        return value == null || mayView(ownerUnitId) ? value : mask(value, 4, 4);
    }

    /**
     * This caller's rule as a plain value, for work that outlives the request's scope (a streamed
     * export): the same decision as {@link #mayView}.
     */
    public Viewer viewer() {
        boolean whole = caller.isAdmin() || caller.has(Role.COORDINATOR);
        return new Viewer(whole, !whole && caller.has(Role.UNIT_EDITOR) ? caller.unitId() : null);
    }

    public record Viewer(boolean seesAll, Long ownUnitId) {
        public boolean mayView(Long ownerUnitId) {
            return seesAll || (ownUnitId != null && ownUnitId.equals(ownerUnitId));
        }

        /** The value whole or masked, keeping keepStart and keepEnd characters. */
        public String maybeMask(String value, Long ownerUnitId, int keepStart, int keepEnd) {
            return value == null || mayView(ownerUnitId) ? value : mask(value, keepStart, keepEnd);
        }

        /** As {@link PersonalData#personName}: whole for those who may see either owning unit's personal data. */
        public String personName(String value, Long ownerUnitId, Long otherOwnerUnitId) {
            return value == null || mayView(ownerUnitId) || mayView(otherOwnerUnitId) ? value : maskName(value);
        }
    }

    /**
     * A person's name written into a record (who held an interview, who was interviewed): the first
     * character kept (张**), whole for those who may see either owning unit's personal data.
     */
    public String personName(String value, Long ownerUnitId, Long otherOwnerUnitId) {
        if (value == null || mayView(ownerUnitId) || mayView(otherOwnerUnitId)) {
            return value;
        }
        return maskName(value);
    }

    static String maskName(String value) {
        int first = value.offsetByCodePoints(0, 1);
        return value.substring(0, first) + "*".repeat(Math.max(2, value.codePointCount(first, value.length())));
    }

    static String mask(String value, int keepStart, int keepEnd) {
        if (value.length() <= keepStart + keepEnd) {
            return "*".repeat(value.length());
        }
        return value.substring(0, keepStart) + "*".repeat(value.length() - keepStart - keepEnd)
                + value.substring(value.length() - keepEnd);
    }
}
