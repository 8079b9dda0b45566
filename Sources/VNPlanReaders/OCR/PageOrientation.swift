import CTesseract

/// Which way up a page's text stands, from leptonica's count of ascenders against descenders
/// in both directions (`pixOrientDetect`): a scan fed in sideways or upside down.
///
/// leptonica's own decision (`makeOrientDecision`) wants one direction 2.5 times as sure as
/// the other; Vietnamese marks above the letters make the sideways count louder than in
/// English (an upright sample page scores 13.9 up against 6.8 sideways), so 1.5 is asked.
enum PageOrientation {
    /// Below this confidence in either direction the count says nothing (leptonica's 7).
    static let leastConfidence: Float = 7
    static let leastRatio: Float = 1.5

    /// Degrees (0, 90, 180, 270) to turn the 1-bit page clockwise so that its text reads upright;
    /// 0 when the page is upright or the count cannot tell.
    static func clockwiseTurn(toMakeUpright binary: LeptonicaImage) -> Int {
        var up: Float = 0, left: Float = 0
        guard pixOrientDetect(binary.pix, &up, &left, 0, 0) == 0,
              max(abs(up), abs(left)) >= leastConfidence else { return 0 }
        if abs(up) >= leastRatio * abs(left) { return up > 0 ? 0 : 180 }
        if abs(left) >= leastRatio * abs(up) { return left > 0 ? 90 : 270 }
        return 0
    }
}
