import type { ReactNode } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";

// Radios drawn as 56 px buttons, for the choices a guard taps at the gate (container or trailer,
// departure or arrival, what is wrong with a seal). The radio itself is hidden but still focused and
// submitted, so the form works without JavaScript.

const base =
  "flex min-h-14 cursor-pointer items-center rounded-lg bg-white text-lg font-semibold ring-2 ring-inset ring-slate-300 has-[:checked]:text-white has-[:focus-visible]:outline has-[:focus-visible]:outline-2";
const layouts = { center: "justify-center", start: "gap-3 px-4" } as const;
const tones = {
  brand: "has-[:checked]:bg-brand-700 has-[:checked]:ring-brand-700",
  danger: "has-[:checked]:bg-red-700 has-[:checked]:ring-red-700",
} as const;

export function ChoiceButtons(props: {
  legend: string;
  name: string;
  options: readonly { value: string; label: ReactNode }[];
  /** The value checked when the page is drawn. */
  checked: unknown;
  register: UseFormRegisterReturn;
  /** The grid the buttons sit in, e.g. "grid grid-cols-2 gap-2". */
  gridClassName: string;
  /** A warning choice (a broken seal) is red once picked. */
  tone?: keyof typeof tones;
  /** Labels centred in their button, or from the start for longer words. */
  layout?: keyof typeof layouts;
  error?: string;
}) {
  const errorId = `${props.name}-error`;
  return (
    <fieldset className="space-y-2" aria-describedby={props.error ? errorId : undefined}>
      <legend className="text-sm font-medium text-slate-800">{props.legend}</legend>
      <div className={props.gridClassName}>
        {props.options.map((o) => (
          <label key={o.value} className={`${base} ${layouts[props.layout ?? "center"]} ${tones[props.tone ?? "brand"]}`}>
            <input type="radio" value={o.value} className="sr-only" defaultChecked={props.checked === o.value} {...props.register} />
            {o.label}
          </label>
        ))}
      </div>
      {props.error ? (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {props.error}
        </p>
      ) : null}
    </fieldset>
  );
}
