package vn.kontum.hotline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The whole hotline in one process: channels, understanding, routing, delivery and the officers' pages. */
@SpringBootApplication
public class HotlineApplication {

    public static void main(String[] args) {
        SpringApplication.run(HotlineApplication.class, args);
    }
}
