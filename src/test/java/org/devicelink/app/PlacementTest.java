package org.devicelink.app;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** Where the demo device's window goes beside the companion's (pure geometry: no toolkit). */
class PlacementTest {

    static final Rectangle2D SCREEN = new Rectangle2D(0, 0, 1920, 1040);

    @Test
    void toTheRightWhereThereIsRoomElseToTheLeftElseOverAsLittleAsItCan() {
        assertThat(MainWindow.beside(new Rectangle2D(100, 80, 960, 700), 520, 640, SCREEN)).isEqualTo(new Point2D(1072, 80));
        assertThat(MainWindow.beside(new Rectangle2D(800, 80, 960, 700), 520, 640, SCREEN)).isEqualTo(new Point2D(268, 80));
        // a companion filling the middle of a small screen: against the side with more room, on the screen
        var small = new Rectangle2D(0, 0, 1280, 800);
        assertThat(MainWindow.beside(new Rectangle2D(200, 50, 960, 700), 520, 640, small)).isEqualTo(new Point2D(0, 50));
        assertThat(MainWindow.beside(new Rectangle2D(100, 500, 960, 700), 520, 640, small).getY()).as("kept on the screen").isEqualTo(160);
    }
}
