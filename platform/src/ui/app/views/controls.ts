import { h } from "../dom.ts";

export interface Control {
  name: string;
  label: string;
  /** a select's choices; none for a text box */
  choices?: readonly string[];
  placeholder?: string;
  /** `number` for a number box */
  type?: string;
}

/**
 * A form of controls named after the URL settings they set; submitting (or changing a select)
 * navigates to the settings as the form holds them, so the URL is the view's only state.
 */
export function controls(fields: readonly Control[], params: Record<string, string>, navigate: (params: Record<string, string>) => void): HTMLFormElement {
  const form = h("form", { class: "controls" });
  const submit = () => {
    const next = { ...params };
    for (const field of fields) next[field.name] = String(new FormData(form).get(field.name) ?? "").trim();
    navigate(next);
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submit();
  });
  for (const field of fields) {
    const value = params[field.name] ?? "";
    const input = field.choices
      ? h("select", { name: field.name, onchange: submit }, ...field.choices.map((choice) => h("option", { value: choice, selected: choice === value }, choice)))
      : h("input", { name: field.name, value, type: field.type ?? "text", placeholder: field.placeholder, size: field.type === "number" ? 4 : 24 });
    form.append(h("label", {}, `${field.label} `, input));
  }
  form.append(h("button", { type: "submit" }, "Show"));
  return form;
}
