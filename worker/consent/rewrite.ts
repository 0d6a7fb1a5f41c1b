// The HTMLRewriter that applies one visitor's consent to a consent-neutral page as it streams out.
import { h } from "preact";
import { renderToString } from "preact-render-to-string";
import { ConsentBanner } from "../../components/consent/ConsentBanner.tsx";
import { ConsentReceipt } from "../../components/consent/ConsentReceipt.tsx";
import { EmbedFrame } from "../../components/consent/EmbedFrame.tsx";
import type { Locale } from "../../content/locales.ts";
import { renderGtagTags } from "./gtag.ts";
import type { ConsentPlan } from "./plan.ts";
import { findEmbedService } from "./policy.ts";
import type { ConsentSetup } from "./setup.ts";
import type { Visitor } from "./visitor.ts";

export type RewriteInput = {
  locale: Locale;
  setup: ConsentSetup;
  visitor: Visitor;
  plan: ConsentPlan;
  /** The path the banner's and the placeholders' forms come back to. */
  returnTo: string;
  scriptPath: string;
};

export function createConsentRewriter(input: RewriteInput): HTMLRewriter {
  const { plan } = input;
  const rewriter = new HTMLRewriter()
    .on("[data-consent-slot]", {
      element(slot) {
        if (plan.banner) slot.replace(renderBanner(input), { html: true });
        else slot.remove();
      },
    })
    .on("head", {
      element(head) {
        head.append(renderHeadTags(input), { html: true });
      },
    });
  addEmbedHandlers(rewriter, input);
  addPreferenceHandlers(rewriter, input);
  return rewriter;
}

function renderBanner({ locale, setup, visitor, returnTo }: RewriteInput): string {
  const texts = setup.view.texts.banner;
  return renderToString(h(ConsentBanner, { locale, texts, categories: setup.categories, returnTo, signal: visitor.signals.length > 0 }));
}

function renderHeadTags({ plan, scriptPath }: RewriteInput): string {
  const script = plan.script ? `<script src="${scriptPath}" defer></script>` : "";
  return script + (plan.analytics ? renderGtagTags(plan.analytics) : "");
}

/** Placeholders become embeds when their category is granted; otherwise their "allow and play" form is completed. */
function addEmbedHandlers(rewriter: HTMLRewriter, { setup, plan, returnTo }: RewriteInput): void {
  let figure = { provider: "", id: "", title: "" };
  const service = () => findEmbedService(setup.categories, figure.provider);
  rewriter
    .on("figure[data-embed-provider]", {
      element(element) {
        const attribute = (name: string) => element.getAttribute(name) ?? "";
        figure = { provider: attribute("data-embed-provider"), id: attribute("data-embed-id"), title: attribute("data-embed-title") };
      },
    })
    .on("[data-embed-placeholder]", {
      element(element) {
        const embed = service();
        if (!embed?.embedUrl || !plan.granted.includes(embed.category) || !/^[A-Za-z0-9_-]{1,64}$/.test(figure.id)) return;
        element.replace(renderToString(h(EmbedFrame, { src: embed.embedUrl.replace("{id}", figure.id), title: figure.title })), { html: true });
      },
    })
    .on("form[data-embed-form]", {
      element(form) {
        const embed = service();
        if (!embed) {
          form.remove();
          return;
        }
        // Allowing a video keeps whatever else the visitor had granted.
        const grants = [embed.category, ...plan.granted.filter((id) => id !== embed.category)];
        const fields = [["return", `${returnTo.split("#")[0]}#media-${figure.id}`], ...grants.map((id) => [`cat_${id}`, "on"])];
        form.append(fields.map(([name, value]) => renderToString(h("input", { type: "hidden", name, value }))).join(""), { html: true });
      },
    });
}

/** The preferences form shows the stored state, the receipt and, when the browser sends one, the signal notice. */
function addPreferenceHandlers(rewriter: HTMLRewriter, { locale, setup, visitor, plan }: RewriteInput): void {
  const { status } = visitor;
  rewriter
    .on("form[data-consent-preferences] input[name^='cat_']", {
      element(input) {
        if (plan.granted.includes((input.getAttribute("name") ?? "").slice(4))) input.setAttribute("checked", "");
      },
    })
    .on("[data-consent-signal]", {
      element(notice) {
        if (visitor.signals.length > 0) notice.removeAttribute("hidden");
      },
    })
    .on("[data-consent-receipt]", {
      element(receipt) {
        if (status.kind !== "valid") return;
        const choice = {
          consentId: status.choice.consentId,
          decidedAt: new Date(status.choice.decidedAt * 1000).toISOString(),
          categories: setup.categories.filter((c) => !c.required).map((c) => ({ id: c.id, name: c.name, granted: plan.granted.includes(c.id) })),
          dates: setup.view.dates,
        };
        receipt.replace(renderToString(h(ConsentReceipt, { locale, texts: setup.view.texts.receipt, choice })), { html: true });
      },
    });
}
