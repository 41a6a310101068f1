import { Body, Container, Head, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

export function EmailLayout(props: { lang: string; preview: string; footer: string; children: ReactNode }) {
  return (
    <Html lang={props.lang}>
      <Head />
      <Preview>{props.preview}</Preview>
      <Body style={{ backgroundColor: "#f4f5f7", fontFamily: "'PingFang SC','Microsoft YaHei',Arial,sans-serif" }}>
        <Container style={{ backgroundColor: "#ffffff", margin: "24px auto", padding: "24px", maxWidth: "560px" }}>
          <Text style={{ fontSize: "18px", fontWeight: 700, color: "#0f3d5c", margin: 0 }}>Tradeguard</Text>
          <Section>{props.children}</Section>
          <Hr />
          <Text style={{ fontSize: "12px", color: "#6b7280" }}>{props.footer}</Text>
        </Container>
      </Body>
    </Html>
  );
}

export const buttonStyle = {
  backgroundColor: "#0f3d5c",
  color: "#ffffff",
  padding: "12px 20px",
  borderRadius: "6px",
  fontWeight: 600,
  textDecoration: "none",
};
