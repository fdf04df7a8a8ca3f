package ai.heymilo.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ai.heymilo.sdk.errors.ConfigurationException;
import ai.heymilo.sdk.webhooks.WebhookDispatcher;
import ai.heymilo.sdk.webhooks.WebhookEvent;
import ai.heymilo.sdk.webhooks.WebhookEventType;
import ai.heymilo.sdk.webhooks.WebhookHandler;
import ai.heymilo.sdk.webhooks.WebhookListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The webhook endpoint at {@code heymilo.webhooks.path}: answers, refusals, listener beans, conditions. */
class HeyMiloWebhookAutoConfigurationTest {
  private static final String PATH = "/heymilo/webhooks";
  private static final String REPORT =
      "{\"event_type\":\"report_available\",\"posting_id\":\"13D77095\",\"interview_id\":\"iv_1\"}";

  private final List<WebhookEvent> received = new CopyOnWriteArrayList<>();
  private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(HeyMiloWebhookAutoConfiguration.class, WebMvcAutoConfiguration.class,
          HttpMessageConvertersAutoConfiguration.class))
      .withBean("recorder", WebhookListener.class, () -> received::add);

  private WebApplicationContextRunner withEndpoint(String... properties) {
    return runner.withPropertyValues("heymilo.webhooks.path=" + PATH).withPropertyValues(properties);
  }

  private static MockMvc mvc(AssertableWebApplicationContext context) {
    return MockMvcBuilders.webAppContextSetup(context).build();
  }

  @Test
  void delivery_answered204_andHandedToListenerBeansOnce() {
    withEndpoint().run(context -> {
      MockMvc mvc = mvc(context);

      mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON).content(REPORT)).andExpect(status().isNoContent());
      mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON).content(REPORT)).andExpect(status().isNoContent());

      assertThat(received).hasSize(1);
      assertThat(received.get(0).type()).isEqualTo(WebhookEventType.REPORT_AVAILABLE);
      assertThat(received.get(0).interviewId()).isEqualTo("iv_1");
      assertThat(received.get(0).rawJson()).isEqualTo(REPORT);
    });
  }

  @Test
  void dispatcherBean_takesSubscriptionsByType() {
    withEndpoint().run(context -> {
      List<WebhookEvent> started = new CopyOnWriteArrayList<>();
      context.getBean(WebhookDispatcher.class).on(WebhookEventType.INTERVIEW_STARTED, started::add);

      mvc(context).perform(post(PATH).contentType(MediaType.APPLICATION_JSON).content(REPORT))
          .andExpect(status().isNoContent());

      assertThat(started).isEmpty();
      assertThat(received).hasSize(1);
    });
  }

  @Test
  void listenerThatThrows_deliveryStillAccepted_otherListenersStillRun() {
    withEndpoint().withBean("failing", WebhookListener.class, () -> event -> {
      throw new IllegalStateException("listener bug");
    }).run(context -> {
      mvc(context).perform(post(PATH).contentType(MediaType.APPLICATION_JSON).content(REPORT))
          .andExpect(status().isNoContent());

      assertThat(received).hasSize(1);
    });
  }

  @Test
  void secret_deliveryWithoutIt_refused401_withIt_accepted() {
    withEndpoint("heymilo.webhooks.secret=9f86d081884c7d659a2feaa0c55ad015").run(context -> {
      MockMvc mvc = mvc(context);

      String refusal = mvc.perform(post(PATH + "?token=guess").contentType(MediaType.APPLICATION_JSON).content(REPORT))
          .andExpect(status().isUnauthorized()).andReturn().getResponse().getContentAsString();
      assertThat(received).isEmpty();
      assertThat(refusal).isNotBlank().doesNotContain("9f86d081884c7d659a2feaa0c55ad015");

      mvc.perform(post(PATH + "?token=9f86d081884c7d659a2feaa0c55ad015").contentType(MediaType.APPLICATION_JSON)
          .content(REPORT)).andExpect(status().isNoContent());
      assertThat(received).hasSize(1);
    });
  }

  @Test
  void secretHeader_insteadOfTheQueryParameter() {
    withEndpoint("heymilo.webhooks.secret=s3cret-for-the-gateway", "heymilo.webhooks.secret-header=X-Gateway-Secret")
        .run(context -> {
          MockMvc mvc = mvc(context);

          mvc.perform(post(PATH + "?token=s3cret-for-the-gateway").contentType(MediaType.APPLICATION_JSON).content(REPORT))
              .andExpect(status().isUnauthorized());
          mvc.perform(post(PATH).header("X-Gateway-Secret", "s3cret-for-the-gateway").contentType(MediaType.APPLICATION_JSON)
              .content(REPORT)).andExpect(status().isNoContent());
        });
  }

  @Test
  void refusals_answerTheSdksStatusWithTheReason() {
    withEndpoint("heymilo.webhooks.max-body-bytes=120").run(context -> {
      MockMvc mvc = mvc(context);

      mvc.perform(post(PATH).contentType(MediaType.TEXT_PLAIN).content(REPORT))
          .andExpect(status().isUnsupportedMediaType())
          .andExpect(content().string(org.hamcrest.Matchers.containsString("application/json")));
      mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON).content("{\"no_event\": true}"))
          .andExpect(status().isBadRequest());
      mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON).content(REPORT.replace("}", ",\"padding\":\""
          + "x".repeat(200) + "\"}")))
          .andExpect(status().isPayloadTooLarge());
      assertThat(received).isEmpty();
    });
  }

  @Test
  void otherMethod_answered405WithAllow() {
    withEndpoint().run(context -> mvc(context).perform(get(PATH))
        .andExpect(status().isMethodNotAllowed())
        .andExpect(header().string("Allow", "POST")));
  }

  @Test
  void pathUnset_noEndpoint() {
    runner.run(context -> {
      assertThat(context).doesNotHaveBean(WebhookHandler.class).doesNotHaveBean("heyMiloWebhookEndpoint");
      mvc(context).perform(post(PATH).contentType(MediaType.APPLICATION_JSON).content(REPORT))
          .andExpect(status().isNotFound());
    });
  }

  @Test
  void notAServletWebApplication_noEndpoint() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(HeyMiloWebhookAutoConfiguration.class))
        .withPropertyValues("heymilo.webhooks.path=" + PATH)
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(WebhookHandler.class));
  }

  @Test
  void invalidPath_startupFails_namingTheProperty() {
    runner.withPropertyValues("heymilo.webhooks.path=heymilo/webhooks").run(context ->
        assertThat(context).getFailure().rootCause().isInstanceOf(ConfigurationException.class)
            .hasMessageStartingWith("Invalid heymilo.webhooks.path \"heymilo/webhooks\": it must be a plain path"));
  }
}
