package com.example.hiring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The user's service. */
@SpringBootApplication
public class HiringApplication {
  public static void main(String[] args) {
    SpringApplication.run(HiringApplication.class, args);
  }
}
