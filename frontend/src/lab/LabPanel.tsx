import { useI18n } from '../i18n/i18n';
import { checkWhy } from '../i18n/serverText';
import { useLabState } from '../store/useStore';
import { useLab } from './LabContext';

/**
 * The lab's guided steps in the chosen language, each with its check's verdict when the lab gives it one. The
 * verdicts come from `check` messages (not in protocol 1 yet: until the server sends them every check reads
 * "not checked yet").
 */
export function LabPanel() {
  const { t, pick, lang } = useI18n();
  const { store } = useLab();
  const lab = useLabState(store, (s) => s.lab);
  const checks = useLabState(store, (s) => s.checks);

  if (!lab) return null;
  const checked = lab.steps.filter((s) => s.checked).length;
  const passed = lab.steps.filter((s, i) => s.checked && checks[i]?.passed).length;

  return (
    <section class="lab-panel" data-testid="lab-panel" aria-labelledby="steps-heading">
      {lab.summary && (
        <p class="lab-summary-text" data-testid="lab-summary">
          {pick(lab.summary)}
        </p>
      )}
      <div class="section-head">
        <h2 id="steps-heading">{t('steps.heading')}</h2>
        {checked > 0 && (
          <span class="count" data-testid="steps-progress">
            {t('steps.progress', { passed, total: checked })}
          </span>
        )}
      </div>
      {lab.steps.length === 0 ? (
        <p class="status" data-testid="steps-none">
          {t('steps.none')}
        </p>
      ) : (
        <ol class="steps" data-testid="steps-list">
          {lab.steps.map((step, i) => {
            const result = checks[i];
            const status = !step.checked ? null : result === undefined ? 'pending' : result.passed ? 'passed' : 'failed';
            return (
              <li key={i} class={`step${status ? ` step-${status}` : ''}`} data-testid={`step-${i + 1}`}>
                <div class="step-head">
                  <span class="step-number">{t('steps.step', { n: i + 1 })}</span>
                  {status && (
                    <span
                      class={`check check-${status}`}
                      data-testid={`step-check-${i + 1}`}
                      data-status={status}
                      title={result ? checkWhy(lang, result) : undefined}
                    >
                      {t(`check.${status}`)}
                    </span>
                  )}
                </div>
                <p class="step-text" data-testid={`step-text-${i + 1}`}>
                  <StepText text={pick(step.text)} />
                </p>
                {step.hint && (
                  <details class="step-hint">
                    <summary>{t('steps.hint')}</summary>
                    <p>
                      <StepText text={pick(step.hint)} />
                    </p>
                  </details>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

/** A step's text with its `code spans` shown as code, as lab authors write commands. */
function StepText({ text }: { text: string }) {
  const parts = text.split(/(`[^`]+`)/g);
  return (
    <>
      {parts.map((part, i) =>
        part.startsWith('`') && part.endsWith('`') && part.length > 1 ? <code key={i}>{part.slice(1, -1)}</code> : part,
      )}
    </>
  );
}
