import { EnvelopeError } from "../errors/EnvelopeError.ts";

/** A suggested fix for a failed call, where one is known; undefined otherwise. */
export function suggestFix(error: unknown): string | undefined {
  if (!(error instanceof EnvelopeError)) return undefined;
  switch (error.code) {
    case "ENVELOPE_UNAUTHORIZED":
      return "Check the token: ENVELOPE_TOKEN must be a token this registry issued (`envelope token create --user <you> --team <team>`), sent as `Authorization: Bearer <token>`.";
    case "ENVELOPE_FORBIDDEN":
      return "This model belongs to another team: save under a name of your own, or ask its team to make the change.";
    case "ENVELOPE_INVALID": {
      const paths = error.problems.map((problem) => problem.path);
      const listed = paths.slice(0, 5).join(", ") + (paths.length > 5 ? ` and ${paths.length - 5} more` : "");
      return paths.length > 0 ? `Fix the listed fields: ${listed}.` : "Fix the request as the message says.";
    }
    case "ENVELOPE_TOO_LARGE": {
      const limit = error.details["limit"];
      return `The artifact is too large${typeof limit === "number" ? ` (the limit is ${limit} bytes)` : ""}: save smaller weights (e.g. float32, pruned), or ask the platform team to raise the registry's maxBodyBytes.`;
    }
    case "ENVELOPE_NOT_FOUND":
      return "Check the model's name and version: `registry.find({ name })` lists the versions that exist.";
    case "ENVELOPE_NETWORK":
      return "The registry did not answer: check ENVELOPE_REGISTRY_URL and that the service is running.";
    case "ENVELOPE_MALFORMED_JSON":
      return "The client sent malformed JSON: update @envelope/platform, or report it with the call's arguments.";
    case "ENVELOPE_MODEL_FAILED":
      return "The model's predict failed on this request (its error is above): fix its code or the rows it cannot handle, and save a new version; the service keeps serving other requests.";
    case "ENVELOPE_MODEL_TIMEOUT":
      return "The model's predict took longer than the service's timeout: look for a loop that never ends or a slow call, or raise --timeout; its worker was replaced.";
    case "ENVELOPE_MODEL_CRASHED":
      return "The model's worker died during predict (an uncaught error in a callback, process.exit, out of memory): fix the model's code; its worker was replaced.";
    case "ENVELOPE_OVERLOADED":
      return "The prediction service's queue was full: retry after the Retry-After seconds, serve with more --workers, or find the slow calls that fill it.";
    case "ENVELOPE_SERVER":
      return "The registry failed: retry; if it persists, tell the platform team the time of the call.";
    default:
      return undefined;
  }
}
