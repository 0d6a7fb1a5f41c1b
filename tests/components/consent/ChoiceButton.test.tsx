// ChoiceButton, rendered alone: a submit button of the form, one class for every choice.
import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { ChoiceButton } from "../../../components/consent/ChoiceButton.tsx";
import { consentView } from "../../helpers/consent.ts";

const view = consentView("en");

describe("consent components", () => {
  it("ChoiceButton: a submit button of the form, one class for every choice", () => {
    expect(renderToString(<ChoiceButton action="reject_all">Reject all</ChoiceButton>)).toBe(
      '<button class="consent-button" type="submit" name="action" value="reject_all">Reject all</button>',
    );
  });
});
