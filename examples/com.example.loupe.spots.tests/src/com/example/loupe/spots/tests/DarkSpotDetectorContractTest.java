package com.example.loupe.spots.tests;

import org.loupe.api.DefectDetector;
import org.loupe.testing.DefectDetectorContract;
import org.loupe.testing.OsgiServices;

/** The outside detector passes the contract every Loupe detector passes. */
class DarkSpotDetectorContractTest extends DefectDetectorContract {

    @Override
    protected DefectDetector detector() {
        return OsgiServices.provider(DefectDetector.class, "example.spots");
    }
}
