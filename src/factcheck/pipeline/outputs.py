"""A myst-nb renderer for what claim notebooks display (:data:`factcheck.notebook.MIME`): the findings a kernel
computed become the page's words here, in the language of the edition being built.

Registered under the ``myst_nb.mime_renderers`` entry point (pyproject.toml), so it works however the notebook
was executed: by ``factcheck book`` beforehand, or by Jupyter Book itself (``execute_notebooks: force``).
"""

from __future__ import annotations

from docutils import nodes
from myst_nb.core.render import MimeData, NbElementRenderer

from ..codec import decode
from ..notebook import MIME, Computation, Evidence, Metrics, Output, Overview, Pledges, Sentence, Value, Values
from ..outcomes import Amount
from ..render import claims, figures
from . import context
from .values import store_values

RENDERERS = {Sentence: claims.sentence, Overview: claims.overview, Evidence: claims.page_evidence, Computation: claims.computation,
             Metrics: figures.metrics, Pledges: figures.pledges}


def untranslatable(found: list[nodes.Node]) -> list[nodes.Node]:
    """Generated words are already in the edition's language: Sphinx must not look them up in a page catalog."""
    for node in found:
        for element in node.findall(nodes.TextElement):
            element["translatable"] = False
    return found


def pledge_values(out: Pledges) -> tuple[Value, ...]:
    values = [Value(f"per_job_{p.label}", amount=Amount(p.dollars_per_job, "USD")) for p in out.pledges]
    values.append(Value("per_job_same", same=len({round(p.dollars_per_job) for p in out.pledges}) == 1))
    return tuple(values)


class FactcheckOutputs:
    """The MIME renderer plugin (see myst-nb's ``MimeRenderPlugin``)."""

    mime_priority_overrides = (("*", MIME, 1),)

    @staticmethod
    def handle_mime(renderer: NbElementRenderer, data: MimeData, inline: bool) -> list[nodes.Element] | None:
        if data.mime_type != MIME:
            return None
        env = renderer.renderer.sphinx_env
        if env is None or env.app.builder.name == "gettext":
            return []  # a page catalog holds the fact-checker's prose, never generated words
        output: Output = decode(Output, data.content)
        if isinstance(output, Values):
            store_values(env, output.values)
            return [nodes.comment("", "values cited by the prose")]  # shown as nothing, chosen over text/plain
        if isinstance(output, Pledges):
            store_values(env, pledge_values(output))
        text = RENDERERS[type(output)](output, context.page(env))
        markdown = MimeData("text/markdown", text, data.cell_metadata, data.output_metadata, data.cell_index,
                            data.output_index, data.line)
        return untranslatable(renderer.render_markdown(markdown))
