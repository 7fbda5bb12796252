import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { DomainError } from "../errors.ts";
import { INPUT_REFUSALS, type InputRefusal } from "../inputs.ts";
import { redactMyNumbers } from "../mynumber.ts";

const CLIENT_ERRORS: Record<string, { code: string; ja: string; en: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    code: "invalid_json",
    ja: "JSONの形式が正しくありません。",
    en: "The body is not valid JSON.",
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: "invalid_json",
    ja: "本文が空です。",
    en: "The JSON body is empty.",
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: "unsupported_media_type",
    ja: "対応していない形式です。",
    en: "Unsupported media type.",
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: "body_too_large",
    ja: "データが大きすぎます。",
    en: "The body is too large.",
  },
};

/**
 * Domain errors become 4xx with Japanese and English messages; validation and parsing problems
 * become 400. Nothing from the input is echoed back unscreened. Anything else is a bug: 500.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DomainError) {
      return reply.status(error.status).send(error.toBody());
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((v) => ({
        field: redactMyNumbers(
          `${error.validationContext ?? ""}${v.instancePath.replaceAll("/", ".")}`,
        ),
        message: redactMyNumbers(v.message ?? "invalid"),
      }));
      // A well-formed but impossible value (a date that does not exist, an empty patch) is 422.
      const refused = issues.find((issue) => issue.message in INPUT_REFUSALS);
      if (refused) {
        const text = INPUT_REFUSALS[refused.message as InputRefusal];
        return reply.status(422).send({
          code: refused.message,
          message: text.ja,
          messageEn: text.en,
          field: refused.field.replace(/\.$/, ""),
          issues,
        });
      }
      return reply.status(400).send({
        code: "invalid_input",
        message: "入力内容に誤りがあります。",
        messageEn: "Some input is not valid.",
        issues,
      });
    }
    const known = error.code ? CLIENT_ERRORS[error.code] : undefined;
    const status = error.statusCode ?? 500;
    if (status < 500) {
      return reply.status(status).send({
        code: known?.code ?? "bad_request",
        message: known?.ja ?? "リクエストが正しくありません。",
        messageEn: known?.en ?? "Bad request.",
      });
    }
    request.log.error({ err: error }, "unhandled error");
    return reply.status(500).send({
      code: "internal_error",
      message: "システムエラーが発生しました。管理者に連絡してください。",
      messageEn: "An internal error occurred. Please contact the administrator.",
      requestId: request.id,
    });
  });
}

/**
 * Errors the router raises before any route runs (a malformed URL, a path parameter over its
 * length). Fastify's own answer repeats the raw path, which may hold a My Number; ours does not.
 */
export function frameworkErrors(
  error: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
) {
  if (error.code === "FST_ERR_MAX_PARAM_LENGTH") {
    return reply.status(414).send({
      code: "uri_too_long",
      message: "URLが長すぎます。",
      messageEn: "The URL is too long.",
    });
  }
  return reply.status(400).send({
    code: "bad_url",
    message: "URLが正しくありません。",
    messageEn: "The URL is not valid.",
  });
}
