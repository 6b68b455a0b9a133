package ntsection.ob;

/**
 * OBJECT_BASIC_INFORMATION as NtQueryObject returns it: the handle's attributes with
 * OBJ_PERMANENT and OBJ_EXCLUSIVE added from the object, the handle's granted access,
 * and the counts, the pointer count including the query's own reference.
 */
public record ObjectBasicInformation(int attributes, int grantedAccess, int handleCount, int pointerCount) {
}
