import assert from "node:assert/strict";
import { cdnSite } from "../../../test/fixtures/sites/cdn.ts";
import { spaSite } from "../../../test/fixtures/sites/spa.ts";
import { testCheck } from "../../../test/tester/check-tester.ts";
import {
  jsonCatchAll,
  recordedStaticSite,
  recordedTextCatchAll,
  staticSite,
} from "../../../test/fixtures/exposure/sites.ts";

/** A page that says the site runs WordPress, so the PHP-only paths are asked for. */
const WORDPRESS_PAGE = {
  type: "text/html",
  body: '<html><link rel="stylesheet" href="/wp-content/themes/shop/style.css"></html>',
};

const DOCKER_COMPOSE = [
  "services:",
  "  web:",
  "    build: .",
  "    ports:",
  '      - "8080:8080"',
  "    environment:",
  "      - DATABASE_URL=postgres://shop:Zx81kPq0wLr2@db:5432/shop",
  "      - NODE_ENV=production",
  "  db:",
  "    image: postgres:16",
  "    environment:",
  "      POSTGRES_PASSWORD: Zx81kPq0wLr2",
  "",
].join("\n");

const WP_CONFIG = [
  "<?php",
  "define( 'DB_NAME', 'shop' );",
  "define( 'DB_USER', 'shop' );",
  "define( 'DB_PASSWORD', 'Zq8wLr2Kp0Xy' );",
  "define( 'AUTH_KEY', 'q8#Lr2Kp0Xy!Zw7Vb4Nm1' );",
  "",
].join("\n");

testCheck("exposure.config-file", {
  vulnerable: [
    {
      name: "a docker-compose.yml with a database password, served by a static host",
      site: staticSite({ "/docker-compose.yml": { type: "application/x-yaml", body: DOCKER_COMPOSE } }),
      expect: (finding) => {
        assert.equal(finding?.severity, "high");
        assert.match(finding?.summary ?? "", /docker-compose file/);
        assert.match(finding?.summary ?? "", /POSTGRES_PASSWORD/);
        assert.ok(!JSON.stringify(finding).includes("Zx81kPq0wLr2"), "no value is repeated");
      },
    },
    {
      name: "a WordPress config backup on a PHP site (wp-config.php.bak)",
      site: staticSite({
        "/": WORDPRESS_PAGE,
        "/wp-config.php.bak": { type: "application/octet-stream", body: WP_CONFIG },
      }),
      expect: (finding) => {
        assert.match(finding?.summary ?? "", /PHP configuration/);
        assert.match(finding?.summary ?? "", /DB_PASSWORD/);
        assert.ok(!JSON.stringify(finding).includes("Zq8wLr2Kp0Xy"));
      },
    },
    {
      name: "an .npmrc with a registry token",
      site: recordedStaticSite("config", {
        "/.npmrc": {
          type: "text/plain",
          body: "registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=9f3c2a7e-1b8d-4f60-a5e7-c3b1d9f2e8a4\n",
        },
      }),
      expect: (finding) => assert.equal(finding?.severity, "high"),
    },
    {
      name: "an AWS credentials file (a MinIO-style key id beside its secret)",
      site: recordedStaticSite("config", {
        "/.aws/credentials": {
          type: "text/plain",
          body: "[default]\naws_access_key_id = minio-admin\naws_secret_access_key = Zq8wLr2Kp0XyVb4Nm1q8Lr2Kp0XyZw7Vb1Qa9Rt3\n",
        },
      }),
      expect: (finding) => {
        assert.match(
          finding?.summary ?? "",
          /an AWS credentials file with 2 settings\. Filled-in secrets: aws_access_key_id, aws_secret_access_key/,
        );
        assert.ok(!JSON.stringify(finding).includes("Zq8wLr2Kp0Xy"));
      },
    },
    {
      name: "an .htpasswd with password hashes",
      site: recordedStaticSite("config", {
        "/.htpasswd": { type: "text/plain", body: "admin:$apr1$Zq8wLr2K$Vb4Nm1q8Lr2Kp0XyZw7Vb1\n" },
      }),
    },
    {
      name: "an ASP.NET appsettings.json without a password is medium (asked for because the site runs ASP.NET)",
      site: staticSite({
        "/": {
          type: "text/html",
          body: "<html><h1>Shop</h1></html>",
          headers: { "x-powered-by": "ASP.NET" },
        },
        "/appsettings.json": {
          type: "application/json",
          body: '{"Logging":{"LogLevel":{"Default":"Information"}},"AllowedHosts":"*","ConnectionStrings":{"Default":"Server=sql.internal;Database=shop;Integrated Security=true"}}',
        },
      }),
      expect: (finding) => assert.equal(finding?.severity, "medium"),
    },
  ],
  safe: [
    {
      name: "a site that is not ASP.NET is not asked for appsettings.json or web.config",
      site: staticSite({}),
      expect: (_finding, report) =>
        assert.ok(!report.probed.urls.some((url) => /appsettings\.json|web\.config/.test(url))),
    },
    { name: "a single-page app answering index.html everywhere", site: spaSite },
    { name: "a CDN answering with block pages", site: cdnSite },
    { name: "a catch-all JSON 404-as-200 API", site: jsonCatchAll },
    {
      name: "a front end's public config.json (a Firebase web key is public by design)",
      site: recordedStaticSite("config", {
        "/config.json": {
          type: "application/json",
          body: '{"apiUrl":"https://api.example.com","firebase":{"apiKey":"AIzaSyD-public-web-key-000000000000000","projectId":"shop"},"theme":"dark"}',
        },
      }),
    },
    {
      name: "a YAML file without secrets (a CI config, a translation file)",
      site: recordedStaticSite("config", {
        "/config.yml": { type: "text/yaml", body: "title: Shop\nlanguage: en\nmenu:\n  - home\n  - about\n" },
      }),
    },
    {
      name: "a config.yml of placeholders",
      site: recordedStaticSite("config", {
        "/config.yml": {
          type: "text/yaml",
          body: "database:\n  host: localhost\n  password: changeme\napi_key: ${API_KEY}\n",
        },
      }),
    },
    {
      name: "a host answering every path with the same JSON (the baseline has it too)",
      site: recordedTextCatchAll("config", '{"password":"Zq8wLr2Kp0Xy9"}'),
    },
    {
      name: "a PHP site that runs its config (wp-config.php.bak is a real 404)",
      site: staticSite({ "/": WORDPRESS_PAGE }),
      expect: (_finding, report) =>
        assert.ok(report.probed.urls.some((url) => url.endsWith("/wp-config.php.bak"))),
    },
  ],
});
