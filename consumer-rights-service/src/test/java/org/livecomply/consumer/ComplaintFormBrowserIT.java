package org.livecomply.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The public form in a real browser (Debian's chromium and chromedriver, headless, JavaScript disabled as a
 * consumer's browser may have it): Chinese by default, an invalid submission shows the Chinese errors, the
 * English switch, a valid submission leads to the status page with the number and the secret, and the
 * status link shows the status. Runs when the browser is installed; with
 * {@code LIVECOMPLY_BROWSER_TESTS=required} (CI) a missing browser FAILS the test instead of skipping it.
 */
@MicronautTest(environments = "test")
class ComplaintFormBrowserIT extends ConsumerApiTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Duration PAGE_WAIT = Duration.ofSeconds(15);

    private WebDriver browser;
    private Path profile;

    @BeforeAll
    void startBrowser() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if ("required".equals(System.getenv("LIVECOMPLY_BROWSER_TESTS"))) {
            assertTrue(installed, "LIVECOMPLY_BROWSER_TESTS=required but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing");
        }
        Assumptions.assumeTrue(installed, "chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
        profile = Files.createTempDirectory("livecomply-chromium-");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--lang=zh-CN", "--blink-settings=scriptEnabled=false");
        // A consumer's browser in China: it asks for Chinese pages (Accept-Language).
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "zh-CN,zh"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void aConsumerFilesThroughTheFormAndFollowsTheStatusLink() {
        browser.get(baseUrl() + "/complaints/new");
        assertEquals("提交消费投诉", browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.findElement(By.id("policy")).getText().contains("个工作日"), "the published deadlines are on the form");

        browser.findElement(By.id("contact")).sendKeys("not-a-contact");
        browser.findElement(By.id("description")).clear();
        submitWithoutBrowserValidation();
        assertEquals("请选择投诉类型。", await(By.id("error-category")).getText());
        assertEquals("请填写投诉内容（1–2000 字，不含控制字符）。", browser.findElement(By.id("error-description")).getText());
        assertEquals("请填写 11 位手机号或有效的电子邮箱。", browser.findElement(By.id("error-contact")).getText());
        assertEquals("not-a-contact", browser.findElement(By.id("contact")).getAttribute("value"), "what was typed is kept");

        browser.findElement(By.id("switch-language")).click();
        new WebDriverWait(browser, PAGE_WAIT).until(ExpectedConditions.textToBe(By.tagName("h1"), "File a consumer complaint"));
        new Select(browser.findElement(By.id("category"))).selectByValue("FALSE_ADVERTISING");
        browser.findElement(By.id("description")).sendKeys("The host said the flask was titanium; it is steel.");
        browser.findElement(By.id("order_id")).sendKeys("order-77");
        browser.findElement(By.id("contact")).sendKeys("13812345678");
        new Select(browser.findElement(By.id("requested_remedy"))).selectByValue("REFUND");
        browser.findElement(By.id("submit")).click();

        String number = await(By.id("number")).getText();
        assertTrue(number.matches("C20261129-[A-Z0-9]{6}"), number);
        String token = browser.findElement(By.id("status-token")).getText();
        assertEquals(43, token.length());
        assertEquals("Received", browser.findElement(By.id("state")).getText());

        browser.get(baseUrl() + "/complaints/" + number + "?token=" + token);
        assertEquals("投诉处理进度", browser.findElement(By.tagName("h1")).getText());
        assertEquals("已收到", browser.findElement(By.id("state")).getText());
        assertEquals("虚假宣传", browser.findElement(By.id("category")).getText());
        assertTrue(browser.findElement(By.id("timeline")).getText().contains("提交投诉"));
        assertTrue(browser.findElements(By.id("status-token")).isEmpty(), "the secret is shown only right after filing");

        browser.get(baseUrl() + "/complaints/" + number + "?token=wrong");
        assertEquals("未找到该投诉，或查询密钥不正确。", browser.findElement(By.id("message")).getText());
    }

    /**
     * The element once the page that has it is loaded: a click that submits a form or follows a link returns before
     * the next page arrives when the machine is busy, so a plain find can still see the previous page.
     */
    private WebElement await(By element) {
        return new WebDriverWait(browser, PAGE_WAIT)
                .withMessage(() -> "the page at " + browser.getCurrentUrl() + " shows: " + browser.findElement(By.tagName("body")).getText())
                .until(ExpectedConditions.presenceOfElementLocated(element));
    }

    /** The form has novalidate: the server's checks answer, in the page's language. */
    private void submitWithoutBrowserValidation() {
        browser.findElement(By.id("submit")).click();
    }
}
