package io.orderhub.messaging;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A minimal service around the messaging module, for its integration tests. */
@SpringBootApplication
public class MessagingTestApplication {}
