package io.orderhub.callbacks;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CallbackDispatcherApplication {

    public static void main(String[] args) {
        SpringApplication.run(CallbackDispatcherApplication.class, args);
    }
}
