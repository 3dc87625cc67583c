import type { Check } from "../../core/index.ts";
import { CVSS_TEST_KEY } from "../../secrets/index.ts";
import {
  HARDCODED_CREDENTIALS_CWE,
  PUBLIC_BY_DOWNLOAD,
  SECRET_NEEDS,
  referencesWith,
  secretFixes,
} from "./shared.ts";
import { secretDrafts } from "./secret-drafts.ts";

export const awsAccessKey: Check = {
  meta: {
    id: "secret.aws-access-key",
    title: "An AWS access key is in code every visitor downloads",
    cvss: CVSS_TEST_KEY,
    cwe: HARDCODED_CREDENTIALS_CWE,
    references: referencesWith(
      {
        title: "AWS: Manage access keys for IAM users",
        url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html",
      },
      {
        title: "AWS: Presigned URLs for S3 uploads",
        url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/PresignedUrlUploadObject.html",
      },
    ),
    explanation:
      "An AWS access key id (`AKIA...`, `ASIA...` for temporary credentials, `ABIA...`/`ACCA...` for STS bearer and context-specific credentials) or an Amazon Bedrock API key is in your site's HTML or JavaScript. A Bedrock key alone calls models billed to your account. On its own the id cannot sign requests, but it names a key that exists and is usually shipped together with its secret access key. When the secret is beside it (rated critical), anyone can use your AWS account with that key's permissions: read and delete S3 buckets, start servers that mine on your bill, read databases. Browser code should get short-lived, narrowly scoped credentials (Cognito identity pools, presigned URLs) from your backend instead. " +
      PUBLIC_BY_DOWNLOAD,
    fixes: secretFixes(
      "Deactivate and delete the access key in IAM (Users → Security credentials), create a new one only where a server needs it, and review CloudTrail for calls made with the old key.",
      "AWS_SECRET_ACCESS_KEY",
    ),
    learn: "secrets-in-bundles#aws-access-key",
    needs: SECRET_NEEDS,
  },
  analyse: (artifacts) => secretDrafts(artifacts, "secret.aws-access-key"),
};
