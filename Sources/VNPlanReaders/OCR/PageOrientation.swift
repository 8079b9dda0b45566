import CTesseract

/// Which way up a page's text stands, from leptonica's count of ascenders against descenders
/// in both directions (`pixOrientDetect`): a scan fed in sideways or upside down.
enum PageOrientation {
    /// Degrees (0, 90, 180, 270) to turn the 1-bit page clockwise so that its text reads upright;
    /// 0 when the page is upright or the count cannot tell.
    static func clockwiseTurn(toMakeUpright binary: LeptonicaImage) -> Int {
        var up: Float = 0, left: Float = 0
        var orientation: Int32 = 0
        guard pixOrientDetect(binary.pix, &up, &left, 0, 0) == 0,
              makeOrientDecision(up, left, 0, 0, &orientation, 0) == 0 else { return 0 }
        switch Int(orientation) {
        case Int(L_TEXT_ORIENT_LEFT): return 90
        case Int(L_TEXT_ORIENT_DOWN): return 180
        case Int(L_TEXT_ORIENT_RIGHT): return 270
        default: return 0
        }
    }
}
