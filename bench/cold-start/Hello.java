import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The JavaFX hello-world the companion's cold start is measured against: one window, one label, then exit. Its main
 * class is not the Application, as with the companion (JavaFX from the class path refuses that).
 */
public class Hello {

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    public static class Window extends Application {
        @Override
        public void start(Stage stage) {
            stage.setScene(new Scene(new Label("Hello"), 1000, 700));
            stage.show();
            System.out.println("smoke-test: first window");
            Platform.runLater(Platform::exit);
        }
    }
}
