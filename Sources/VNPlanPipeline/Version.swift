/// The vnplan version: what `vnplan --version` prints and what every plan records as its
/// producer, so that plans of an older vnplan can be found and converted again.
public enum VNPlanVersion {
    public static let current = "0.1.0"
}
