package ntsection.ob;

/** OBJECT_HANDLE_INFORMATION: what ObReferenceObjectByHandle reports of the handle. */
public record HandleInformation(int handleAttributes, int grantedAccess) {
}
